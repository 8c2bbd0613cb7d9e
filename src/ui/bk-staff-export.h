/* bk-staff-export.h — the point's list, with each application's state,
 * as a spreadsheet: .xlsx (libxlsxwriter) or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @items: of BkStaffItem. Columns: name, ID number, ticket number, state,
 * state code (core's nick), queue, submitted; a header row first (in the
 * user's language). CSV is UTF-8 with a byte-order mark (so spreadsheet
 * programs read Chinese right), RFC 4180 quoting, and a cell that a
 * spreadsheet would take for a formula starts with an apostrophe. */
gboolean bk_staff_export_csv (GListModel *items, const char *path, GError **error);
gboolean bk_staff_export_xlsx (GListModel *items, const char *path, GError **error);

G_END_DECLS
