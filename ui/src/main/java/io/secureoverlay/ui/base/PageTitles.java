package io.secureoverlay.ui.base;

/** Browser-tab titles that always name the cluster, so tabs of two clusters cannot be confused. */
public final class PageTitles {

  private PageTitles() {}

  public static String of(String viewName, ClusterIdentity cluster) {
    return viewName + " \u00b7 " + cluster.displayName() + " \u00b7 SecureOverlay";
  }
}
