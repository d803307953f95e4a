package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the plan's node index table. The index is stable for the node's lifetime in the
 * cluster: SPIs and every {@link NodeSet} refer to nodes by it.
 *
 * @param index 0..{@link NodeSet#MAX_INDEX}
 * @param underlayIp the node's address that IPIP and ESP packets travel between
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexedNode(String name, int index, String underlayIp) {}
