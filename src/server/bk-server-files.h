/* bk-server-files.h — candidates' photo and proof files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-request.h"

G_BEGIN_DECLS

/* PUT /v1/photos/{id}/file: a candidate's photo (JPEG), re-checked. */
void bk_server_handle_put_photo (BkServer *self, BkServerRequest *request);

/* PUT /v1/proofs/{id}/file: a candidate's proof (JPEG or PDF). */
void bk_server_handle_put_proof (BkServer *self, BkServerRequest *request);

/* GET /v1/photos/{id}/file and GET /v1/proofs/{id}/file. */
void bk_server_handle_get_file (BkServer *self, BkServerRequest *request);

/* The record type whose files @path names ("photo" for /v1/photos/{id}/file,
 * "proof" for /v1/proofs/{id}/file) and its id (a UUID); NULL otherwise. */
const char *bk_server_files_match (const char *path, char **id);

G_END_DECLS
