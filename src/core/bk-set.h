/* bk-set.h — replace a field's value and say whether it changed
 *
 * For setters that notify only on change:
 *
 *   if (bk_set_str (&self->school, school))
 *     g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL]);
 *
 * bk_set_str() is GLib 2.76's g_set_str(), which GLib 2.74 lacks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies @value (nullable) into *@slot unless equal; TRUE if it changed. */
gboolean bk_set_str (char **slot, const char *value);

/* Refs @value (nullable) into *@slot unless equal (g_date_time_equal());
 * TRUE if it changed. */
gboolean bk_set_date_time (GDateTime **slot, GDateTime *value);

G_END_DECLS
