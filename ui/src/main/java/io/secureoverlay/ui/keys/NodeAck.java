package io.secureoverlay.ui.keys;

import java.time.Duration;

/**
 * How long one node took to acknowledge a rotation, as {@link RotationTracker} defines it.
 *
 * @param node the node's name
 * @param after from the console's first sight of the rotation to its first sight of the node's
 *     acknowledgement of the revision that ended it
 */
public record NodeAck(String node, Duration after) {}
