/* bk-server-files.c — candidates' photo and proof files
 *
 * Handlers (worker thread) for PUT and GET /v1/photos/{id}/file and
 * /v1/proofs/{id}/file. The front has already limited the body to
 * max-photo-bytes or max-proof-bytes as it streamed. Here the content is
 * sniffed (the Content-Type header is not trusted), a photo is checked
 * again with the photo layer's rules (bk_photo_check_data) and refused
 * with the report's reasons, and the file is stored with the record it
 * belongs to; the photo's verdict reaches the candidate through pull.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-photo-checker.h"
#include "bk-server-files.h"
#include "bk-server-private.h"

#define JPEG "image/jpeg"
#define PDF  "application/pdf"

const char *
bk_server_files_match (const char *path, char **id)
{
  static const struct
  {
    const char *prefix, *entity;
  } kinds[] = { { "/v1/photos/", "photo" }, { "/v1/proofs/", "proof" } };

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *rest = path + strlen (kinds[i].prefix);
      g_autofree char *uuid = NULL;

      if (!g_str_has_prefix (path, kinds[i].prefix) || !g_str_has_suffix (rest, "/file"))
        continue;
      uuid = g_strndup (rest, strlen (rest) - strlen ("/file"));
      if (!g_uuid_string_is_valid (uuid))
        return NULL;
      if (id != NULL)
        *id = g_ascii_strdown (uuid, -1);
      return kinds[i].entity;
    }
  return NULL;
}

/* What the bytes are, by their content: JPEG, PDF or NULL. */
static const char *
sniff (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return JPEG;
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return PDF;
  return NULL;
}

/* Whether a PDF ends with its "%%EOF" marker (within its last KiB), as
 * every complete PDF does: a truncated upload does not. */
static gboolean
pdf_complete (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize tail = MIN (size, 1024);

  for (gsize i = size - tail; i + 5 <= size; i++)
    if (memcmp (data + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

/* 422 photo_refused with the failed checks: {check, value, message}. */
static void
answer_refused (BkServerRequest *request, BkPhotoReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, "photo_refused");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder,
                                 "The photo does not meet the examination's rules (see "
                                 "“reasons”): take or choose another photo and upload it.");
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (int kind = 0; kind < BK_PHOTO_N_CHECKS; kind++)
    {
      const BkPhotoCheck *check = bk_photo_report_get_check (report, kind);

      if (check == NULL || check->verdict != BK_PHOTO_VERDICT_FAIL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "check");
      json_builder_add_string_value (builder, bk_photo_check_kind_to_string (kind));
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, check->value_text);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, check->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  bk_server_request_answer (request, 422, json_to_string (root, FALSE));
  request->audit_detail = g_strdup ("photo refused");
}

/* The verdict the server writes into an accepted photo's record. */
static char *
photo_verdict (BkPhotoReport *report, const char *sha256, gint64 now)
{
  return g_strdup_printf ("{\"accepted\":true,\"checked_at\":%" G_GINT64_FORMAT
                          ",\"sha256\":\"%s\",\"width\":%d,\"height\":%d}",
                          now, sha256, bk_photo_report_get_width (report),
                          bk_photo_report_get_height (report));
}

static void
put_file (BkServer *self, BkServerRequest *request, const char *entity)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPhotoReport) report = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *verdict = NULL;
  const char *type = sniff (request->body);
  gboolean photo = g_str_equal (entity, "photo");
  BkServerFileUpload upload = { 0 };
  gsize size = g_bytes_get_size (request->body);
  gint64 version = 0;

  if (size == 0)
    {
      bk_server_request_answer_error (request, 400, "invalid_request",
                                      "Send the file's bytes as the request body.");
      return;
    }
  if (type == NULL || (photo && !g_str_equal (type, JPEG)))
    {
      bk_server_request_answer_error (
        request, 415, "unsupported_file_type",
        photo ? "A photo must be a JPEG file: convert it to JPEG and upload it again."
              : "A proof must be a JPEG or PDF file: scan or save it as one and upload it again.");
      return;
    }
  if (g_str_equal (type, PDF) && !pdf_complete (request->body))
    {
      bk_server_request_answer_error (request, 422, "invalid_file",
                                      "The PDF file is incomplete: save it again and upload it.");
      return;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, request->body);
  if (photo)
    {
      report = bk_photo_check_data (g_bytes_get_data (request->body, NULL), size);
      if (!bk_photo_report_get_accepted (report))
        {
          answer_refused (request, report);
          return;
        }
      verdict = photo_verdict (report, sha256, request->now);
    }

  upload.entity = entity;
  upload.entity_id = request->path_id;
  upload.content_type = type;
  upload.bytes = request->body;
  upload.sha256 = sha256;
  upload.verdict = verdict;
  if (!bk_server_database_put_file (bk_server_get_database (self), request->account, &upload,
                                    request->now, &version, &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  if (version == 0)
    {
      bk_server_request_answer_error (
        request, 404, "not_found",
        "None of your records has this id: push the record first (POST /v1/changes), then "
        "upload its file.");
      return;
    }
  bk_server_request_answer (
    request, 200,
    g_strdup_printf (
      "{\"entity\":\"%s\",\"entity_id\":\"%s\",\"version\":%" G_GINT64_FORMAT
      ",\"content_type\":\"%s\",\"size\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\",\"verdict\":%s}",
      entity, request->path_id, version, type, size, sha256, verdict != NULL ? verdict : "null"));
}

void
bk_server_handle_put_photo (BkServer *self, BkServerRequest *request)
{
  put_file (self, request, "photo");
}

void
bk_server_handle_put_proof (BkServer *self, BkServerRequest *request)
{
  put_file (self, request, "proof");
}

/* Whether the photo's candidate has an application at the staff member's
 * session and point: staff see that application, so its photo too. */
static gboolean
staff_sees_photo (BkServer *self,
                  const BkServerAccount *account,
                  const char *owner_id,
                  GError **error)
{
  BkServerEntityFilter filter = { .type = "application",
                                  .owner_id = owner_id,
                                  .session_id = account->session_id,
                                  .point_code = account->point_code };
  g_autoptr (GPtrArray) applications = NULL;

  if (owner_id == NULL || account->session_id == NULL || account->point_code == NULL)
    return FALSE;
  applications = bk_server_database_list_entities (bk_server_get_database (self), &filter, error);
  return applications != NULL && applications->len > 0;
}

void
bk_server_handle_get_file (BkServer *self, BkServerRequest *request)
{
  g_autoptr (GError) error = NULL;
  const char *entity = bk_server_files_match (request->path, NULL);
  const BkServerAccount *account = request->account;
  BkServerStoredFile file = { 0 };
  gboolean found = FALSE;
  gboolean allowed;

  if (!bk_server_database_get_file (bk_server_get_database (self), entity, request->path_id, &file,
                                    &found, &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  /* The candidate whose record it is; the admin; staff for the proofs of
   * an application at their own point, and for the photo of a candidate
   * with an application there. */
  allowed = found &&
            (g_strcmp0 (file.owner_id, account->id) == 0 || account->role == BK_SERVER_ROLE_ADMIN ||
             (account->role == BK_SERVER_ROLE_STAFF && g_str_equal (entity, "proof") &&
              file.point_code != NULL && g_strcmp0 (file.session_id, account->session_id) == 0 &&
              g_strcmp0 (file.point_code, account->point_code) == 0));
  if (found && !allowed && account->role == BK_SERVER_ROLE_STAFF && g_str_equal (entity, "photo"))
    {
      allowed = staff_sees_photo (self, account, file.owner_id, &error);
      if (error != NULL)
        {
          bk_server_stored_file_clear (&file);
          bk_server_request_answer_gerror (request, error);
          return;
        }
    }
  if (!allowed)
    {
      /* Another's file is "not found" too: the answer tells nothing. */
      if (found)
        request->audit_detail = g_strdup ("another's file");
      bk_server_request_answer_error (
        request, 404, "not_found",
        "There is no file you may read under this id: upload it first, or check the id.");
    }
  else
    {
      request->status = 200;
      request->file = g_steal_pointer (&file.bytes);
      request->file_type = g_steal_pointer (&file.content_type);
    }
  bk_server_stored_file_clear (&file);
}
