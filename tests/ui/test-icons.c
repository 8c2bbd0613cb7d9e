/* test-icons.c — the application's own icons can be drawn
 *
 * GTK reads SVG icons through gdk-pixbuf's SVG loader, which a minimal
 * Debian system lacks unless librsvg2-common is installed; without it the
 * welcome page shows a broken-image icon instead of the application's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

static void
test_icon_loads (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* The application finds its icons by name, in its resources... */
  g_assert_true (gtk_icon_theme_has_icon (theme, name));

  /* ...and they must decode, not only be there. */
  path = g_strdup_printf ("/io/github/baokao/Baokao/icons/%s/apps/%s.svg",
                          g_str_has_suffix (name, "-symbolic") ? "symbolic" : "scalable", name);
  texture = gdk_texture_new_from_resource (path);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/baokao/Baokao/icons");

  g_test_add_data_func ("/icons/application", APPLICATION_ID, test_icon_loads);
  g_test_add_data_func ("/icons/application-symbolic", APPLICATION_ID "-symbolic", test_icon_loads);
  return g_test_run ();
}
