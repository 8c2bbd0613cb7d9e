/* bk-server-store-files.h — candidates' photo and proof files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* As bk_server_database_put_file() and _get_file(). */
gboolean bk_server_store_files_put (BkServerSql *self,
                                    const BkServerAccount *account,
                                    const BkServerFileUpload *upload,
                                    gint64 now,
                                    gint64 *version,
                                    GError **error);

gboolean bk_server_store_files_get (BkServerSql *self,
                                    const char *entity,
                                    const char *entity_id,
                                    BkServerStoredFile *file,
                                    gboolean *found,
                                    GError **error);

G_END_DECLS
