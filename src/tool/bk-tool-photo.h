/* bk-tool-photo.h — `baokao-tool photo`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bk_tool_photo_run (int argc, char **argv);

G_END_DECLS
