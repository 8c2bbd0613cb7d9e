/* bk-sync-messages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-sync-error.h"
#include "bk-sync-messages.h"

/* The server's stable codes (docs/protocol.md) a user can act on. */
static const struct
{
  const char *code;
  const char *message;
} server_codes[] = {
  { "wrong_credentials",
    N_ ("The user name or the password is wrong. Check both and sign in again.") },
  { "too_many_attempts",
    N_ ("Too many failed sign-ins. Wait a quarter of an hour, then sign in again.") },
  { "forbidden",
    N_ ("This account cannot send a candidate's changes. Sign in with your candidate account.") },
  { "body_too_large",
    N_ ("A change is too large for the server. Make the attached file smaller, then sync "
        "again.") },
  { "invalid_real_name", N_ ("The server did not accept the real name. Correct it, then try "
                             "again.") },
  { "invalid_id_type", N_ ("The server did not accept the ID type. Choose another, then try "
                           "again.") },
  { "invalid_id_number",
    N_ ("The server did not accept the ID number. Check it against your ID document, then try "
        "again.") },
  { "invalid_mobile",
    N_ ("The server did not accept the mobile number: it needs 11 digits starting with 1. "
        "Correct it, then try again.") },
  { "invalid_user_name",
    N_ ("The server did not accept the user name: use 4 to 20 letters a–z, digits or "
        "underscores, starting with a letter. Correct it, then try again.") },
  { "invalid_password", N_ ("The server did not accept the password: use at least 8 characters.") },
  { "not_found",
    N_ ("The server at this address does not offer Baokao sync. Check the server address in "
        "Preferences.") },
};

/* One change the server finds too large even alone, named by its record. */
static char *
describe_too_large (const char *record)
{
  static const struct
  {
    const char *entity;
    const char *message;
  } records[] = {
    { "profile", N_ ("Your profile is too large for the server, so it was not sent; your changes "
                     "after it wait behind it. Shorten its longest texts, then sync again.") },
    { "education", N_ ("An education record is too large for the server, so it was not sent; "
                       "your changes after it wait behind it. Shorten its texts, then sync "
                       "again.") },
    { "work_period", N_ ("A period of work is too large for the server, so it was not sent; your "
                         "changes after it wait behind it. Shorten its texts, then sync "
                         "again.") },
    { "photo", N_ ("Your photo is too large for the server, so it was not sent; your changes "
                   "after it wait behind it. Choose a smaller photo on the Photo step, then sync "
                   "again.") },
    { "application", N_ ("Your application is too large for the server, so it was not sent; your "
                         "changes after it wait behind it. Ask the help desk.") },
    { "proof", N_ ("An attached proof is too large for the server, so it was not sent; your "
                   "changes after it wait behind it. Attach a smaller file, then sync again.") },
  };
  g_autofree char *entity = g_strndup (record, strcspn (record, " "));

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    if (g_str_equal (entity, records[i].entity))
      return g_strdup (_ (records[i].message));
  return g_strdup (
    _ ("A change is too large for the server. Make the attached file smaller, then sync "
       "again."));
}

char *
bk_sync_messages_describe (const GError *error)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != BK_SYNC_ERROR)
    return g_strdup (_ ("Your changes could not be read from this computer for sending. Restart "
                        "Baokao; if this goes on, ask the help desk."));

  code = bk_sync_error_dup_server_code (error);
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (server_codes); i++)
    if (g_str_equal (code, server_codes[i].code))
      return g_strdup (_ (server_codes[i].message));

  switch ((BkSyncError) error->code)
    {
      case BK_SYNC_ERROR_NETWORK:
        return g_strdup (_ ("The server cannot be reached. Your changes are kept on this computer "
                            "and sent when it can be reached again."));
      case BK_SYNC_ERROR_TIMEOUT:
        return g_strdup (_ ("The server did not answer in time. Your changes are kept on this "
                            "computer; Baokao tries again shortly."));
      case BK_SYNC_ERROR_CERTIFICATE:
        return g_strdup (_ ("The server's certificate is not trusted, so nothing was sent. Check "
                            "the server address and the CA file in Preferences, or ask the help "
                            "desk."));
      case BK_SYNC_ERROR_ADDRESS:
        return g_strdup (_ ("The server address must start with https://. Correct it in "
                            "Preferences."));
      case BK_SYNC_ERROR_TOO_LARGE:
        return g_strdup (_ ("The server's answer was too large to accept. Ask the help desk to "
                            "check the server."));
      case BK_SYNC_ERROR_PROTOCOL:
        return g_strdup (_ ("The server's answer could not be understood. Baokao tries again "
                            "shortly; if this goes on, ask the help desk."));
      case BK_SYNC_ERROR_NOT_SIGNED_IN:
        return g_strdup (_ ("Your sign-in has expired or was ended. Sign in again to sync; your "
                            "changes are kept on this computer."));
      case BK_SYNC_ERROR_UNAVAILABLE:
        return g_strdup (_ ("The server is busy or being maintained. Your changes are kept on this "
                            "computer; Baokao tries again later."));
      case BK_SYNC_ERROR_CHANGE_TOO_LARGE:
        return describe_too_large (error->message);
      case BK_SYNC_ERROR_REFUSED:
      case BK_SYNC_ERROR_HTTP:
      default:
        return g_strdup (_ ("The server refused the changes. They are kept on this computer; ask "
                            "the help desk, and give them the time of this message."));
    }
}
