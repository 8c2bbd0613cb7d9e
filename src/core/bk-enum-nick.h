/* bk-enum-nick.h — the nicks of the core enums, read from their GEnumClass
 *
 * The enum types are generated from the headers (bk-core-enums.h), so the
 * nicks stored in databases and JSON files, and the enum properties of the
 * models, come from one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* NULL (with a critical) when @value is not one of @enum_type's values. */
const char *bk_enum_to_nick (GType enum_type, int value);

/* FALSE when @nick is NULL or not one of @enum_type's nicks; @value may be NULL. */
gboolean bk_enum_from_nick (GType enum_type, const char *nick, int *value);

/* Every nick in value order, joined by @separator, e.g. "all, exempt". */
char *bk_enum_join_nicks (GType enum_type, const char *separator);

G_END_DECLS
