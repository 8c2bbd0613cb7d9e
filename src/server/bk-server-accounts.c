/* bk-server-accounts.c — registering, signing in and out
 *
 * Handlers (worker thread) for POST /v1/accounts, POST /v1/sessions and
 * DELETE /v1/sessions/current. Passwords are hashed through the
 * server's password gate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-id-document.h"
#include "bk-password.h"
#include "bk-profile-fields.h"
#include "bk-server-accounts.h"
#include "bk-server-log.h"
#include "bk-server-password-gate.h"
#include "bk-server-private.h"

static gboolean
valid_mobile (const char *mobile)
{
  if (strlen (mobile) != 11 || mobile[0] != '1')
    return FALSE;
  for (const char *p = mobile; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

void
bk_server_handle_register (BkServer *self, BkServerRequest *request)
{
  static const char *const allowed[] = {
    "real_name", "id_type", "id_number", "mobile", "user_name", "password", NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (BkIdDocument) document = NULL;
  g_autoptr (BkServerAccount) account = NULL;
  g_autoptr (GDateTime) now = NULL;
  GDate today;
  const char *real_name, *id_type, *id_number, *mobile, *user_name, *password;
  g_autofree char *trimmed_name = NULL;
  BkIdType type;
  gboolean created = FALSE;

  body = bk_server_request_parse_body (request, allowed, &error);
  if (body == NULL || (real_name = bk_server_required_string (body, "real_name", &error)) == NULL ||
      (id_type = bk_server_required_string (body, "id_type", &error)) == NULL ||
      (id_number = bk_server_required_string (body, "id_number", &error)) == NULL ||
      (mobile = bk_server_required_string (body, "mobile", &error)) == NULL ||
      (user_name = bk_server_required_string (body, "user_name", &error)) == NULL ||
      (password = bk_server_required_string (body, "password", &error)) == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }

  trimmed_name = g_strstrip (g_strdup (real_name));
  if (*trimmed_name == '\0' || g_utf8_strlen (trimmed_name, -1) > 50)
    {
      bk_server_request_answer_error (
        request, 422, "invalid_real_name",
        "Real name: write it as on your ID document (at most 50 characters).");
      return;
    }
  if (!bk_id_type_from_nick (id_type, &type))
    {
      bk_server_request_answer_error (
        request, 422, "invalid_id_type",
        "ID type: use resident-id, hk-macau-taiwan, passport or military.");
      return;
    }
  now = bk_clock_get_now ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  document = bk_id_document_parse (type, id_number, &today, &error);
  if (document == NULL)
    {
      bk_server_request_answer_error (
        request, 422, "invalid_id_number",
        "ID number: check it against your ID document (a resident ID number has 18 "
        "characters and a valid check digit).");
      return;
    }
  if (!valid_mobile (mobile))
    {
      bk_server_request_answer_error (request, 422, "invalid_mobile",
                                      "Mobile phone: write the 11-digit number, starting with 1.");
      return;
    }
  /* Core's rule, the one the desktop application's profile checks: a
   * name this server took could not be typed into the profile. The
   * server runs with no locale, so core's text is its English source. */
  if (!bk_profile_validate_user_name (user_name, &error))
    {
      bk_server_request_answer_error (request, 422, "invalid_user_name", error->message);
      return;
    }
  if (!bk_password_validate (password, NULL))
    {
      bk_server_request_answer_error (request, 422, "invalid_password",
                                      "Password: use at least 8 characters.");
      return;
    }

  account = bk_server_account_new ();
  account->id = g_uuid_string_random ();
  account->user_name = g_strdup (user_name);
  account->real_name = g_steal_pointer (&trimmed_name);
  account->id_type = g_strdup (id_type);
  account->id_number = g_strdup (document->number);
  account->mobile = g_strdup (mobile);
  account->role = BK_SERVER_ROLE_CANDIDATE;
  /* Hashed before the duplicate check, so a taken name or ID takes as
   * long to answer as a new one. */
  account->password_hash = bk_server_password_gate_hash (bk_server_get_password_gate (self),
                                                         password, &error);
  if (account->password_hash == NULL ||
      !bk_server_database_create_account (bk_server_get_database (self), account, &created, &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }

  /* The same answer whether or not the user name or ID number was taken:
   * the answer never tells a stranger who has an account. */
  request->audit = TRUE;
  request->audit_detail = g_strdup (created ? "created" : "duplicate");
  bk_server_request_answer (
    request, 202,
    bk_server_error_body ("accepted", "If these details were not registered before, the account is "
                                      "ready: sign in with your user name and password. If you "
                                      "cannot sign in, ask the help desk."));
}

/* FALSE (and the 429 answered) when @scope/@key has too many recent
 * failures. */
static gboolean
within_limit (BkServer *self,
              BkServerRequest *request,
              const char *scope,
              const char *key,
              guint limit,
              GError **error)
{
  gint64 since = request->now - bk_server_get_limits (self)->sign_in_window;
  gint64 oldest = 0;
  guint count = 0;
  g_autofree char *message = NULL;

  if (!bk_server_database_count_failures (bk_server_get_database (self), scope, key, since, &count,
                                          &oldest, error))
    return FALSE;
  if (count < limit)
    return TRUE;

  request->retry_after = MAX (1,
                              oldest + bk_server_get_limits (self)->sign_in_window - request->now);
  message = g_strdup_printf ("Too many failed sign-ins. Try again in %u minutes, or ask the help "
                             "desk to reset your password.",
                             (request->retry_after + 59) / 60);
  bk_server_request_answer_error (request, 429, "too_many_attempts", message);
  request->audit = TRUE;
  request->audit_detail = g_strdup_printf ("rate limited (%s)", scope);
  return FALSE;
}

void
bk_server_handle_sign_in (BkServer *self, BkServerRequest *request)
{
  static const char *const allowed[] = { "user_name", "password", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (BkServerAccount) account = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  guchar raw[32];
  const char *user_name, *password;
  gboolean verified;

  body = bk_server_request_parse_body (request, allowed, &error);
  if (body == NULL || (user_name = bk_server_required_string (body, "user_name", &error)) == NULL ||
      (password = bk_server_required_string (body, "password", &error)) == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  key = g_ascii_strdown (user_name, -1);

  if (!within_limit (self, request, "address", request->address,
                     bk_server_get_limits (self)->failures_per_address, &error) ||
      !within_limit (self, request, "account", key,
                     bk_server_get_limits (self)->failures_per_account, &error))
    {
      if (error != NULL)
        bk_server_request_answer_gerror (request, error);
      return;
    }

  account = bk_server_database_find_account (bk_server_get_database (self), user_name, &error);
  if (error != NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  /* An unknown user name costs the same hash as a wrong password. */
  verified = bk_server_password_gate_verify (bk_server_get_password_gate (self),
                                             account != NULL ? account->password_hash
                                                             : bk_server_get_dummy_hash (self),
                                             password) &&
             account != NULL;
  request->audit = TRUE;
  if (!verified)
    {
      if (!bk_server_database_record_failure (bk_server_get_database (self), key, request->address,
                                              request->now, &error))
        {
          bk_server_request_answer_gerror (request, error);
          return;
        }
      request->audit_detail = g_strdup_printf ("failed for “%s”", key);
      bk_server_request_answer_error (
        request, 401, "wrong_credentials",
        "The user name or the password is wrong. Check both and try again.");
      return;
    }

  randombytes_buf (raw, sizeof raw);
  token = g_base64_encode (raw, sizeof raw);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  g_strdelimit (token, "=", '\0'); /* the padding: 32 bytes always end in one "=" */
  token_hash = bk_server_sha256_hex (token, strlen (token));
  if (!bk_server_database_clear_failures (bk_server_get_database (self), key, &error) ||
      !bk_server_database_add_token (
        bk_server_get_database (self), token_hash, account->id, request->now,
        request->now + bk_server_get_limits (self)->token_lifetime, &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  g_clear_pointer (&request->account, bk_server_account_free);
  request->account = g_steal_pointer (&account);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, bk_server_get_limits (self)->token_lifetime);
  json_builder_set_member_name (builder, "account_id");
  json_builder_add_string_value (builder, request->account->id);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, bk_server_role_to_nick (request->account->role));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  request->audit_detail = g_strdup ("signed in");
  bk_server_request_answer (request, 201, json_to_string (root, FALSE));
}

void
bk_server_handle_sign_out (BkServer *self, BkServerRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *token_hash = bk_server_sha256_hex (request->token, strlen (request->token));

  if (!bk_server_database_revoke_token (bk_server_get_database (self), token_hash, request->now,
                                        &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  bk_server_request_answer (request, 200, g_strdup ("{\"status\":\"signed-out\"}"));
}
