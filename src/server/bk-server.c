/* bk-server.c — the registration server's HTTP front
 *
 * The main loop only reads requests and writes answers. Everything that
 * touches the database, or hashes a password, runs in a worker
 * thread while the message is paused, so a slow disk or an Argon2id hash
 * never holds up other clients (nor /v1/health).
 *
 * Connections are accepted here, not by SoupServer, so that their number
 * is capped and each socket gets a timeout (an idle or trickling client is
 * dropped); a request must arrive whole within the request timeout, and a
 * body is counted as it streams and dropped once over the limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-id-document.h"
#include "bk-password.h"
#include "bk-server-error.h"
#include "bk-server-header-guard.h"
#include "bk-server.h"

/* Threads that run requests (each with its own database connection). */
#define WORKER_THREADS 16

/* Request line and headers; libsoup's own limit is 64 KiB. */
#define MAX_HEADER_BYTES (16 * 1024)

struct _BkServer
{
  GObject parent_instance;

  SoupServer *soup_server;
  GSocketService *service;
  GTlsCertificate *certificate;
  BkServerDatabase *database;
  BkServerLimits limits;
  char *dummy_hash; /* verified against when a user name is unknown */

  GHashTable *connections; /* GIOStream * (borrowed) → Connection * */
  GHashTable *sockets;     /* remote GSocketAddress * → GSocket * (borrowed) */
  guint port;
  guint in_flight;

  /* Argon2id takes 64 MiB and a core for ~0.1 s: at most one hash per
   * core at a time, so a burst of sign-ins neither exhausts memory nor
   * starves the main loop. */
  GThreadPool *workers;
  GMainContext *context; /* the main loop's, where answers are sent */

  GMutex hash_lock;
  GCond hash_cond;
  guint hashing;
  guint max_hashing;
  gint64 last_refusal_log;
};

G_DEFINE_FINAL_TYPE (BkServer, bk_server, G_TYPE_OBJECT)

typedef struct _Request Request;
typedef void (*HandlerFunc) (BkServer *self, Request *request);

typedef enum
{
  ANYONE = 0,
  CANDIDATE = 1 << BK_SERVER_ROLE_CANDIDATE,
  STAFF = 1 << BK_SERVER_ROLE_STAFF,
  ADMIN = 1 << BK_SERVER_ROLE_ADMIN,
  SIGNED_IN = CANDIDATE | STAFF | ADMIN,
} Roles;

typedef struct
{
  const char *path;
  const char *method;
  const char *action; /* as written to the audit log */
  Roles roles;        /* ANYONE: no token needed */
  gboolean body;      /* takes a JSON body */
  HandlerFunc handle;
} Route;

struct _Request
{
  BkServer *server;
  SoupServerMessage *msg;
  const Route *route;
  char *method;
  char *path;
  char *address;
  GBytes *body;
  char *token;
  char *idempotency_key;
  GHashTable *query;
  gint64 now;
  BkServerAccount *account;

  guint status;
  char *response;
  guint retry_after;
  char *audit_detail;
  gboolean audit;
};

/* State kept per message while it is read. */
typedef struct
{
  gsize received;
  gboolean too_large;
  gboolean counted;
  guint deadline;
  GSocket *socket;
} MessageState;

static void
request_free (Request *request)
{
  g_clear_object (&request->server);
  g_clear_object (&request->msg);
  g_free (request->method);
  g_free (request->path);
  g_free (request->address);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->token);
  g_free (request->idempotency_key);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->account, bk_server_account_free);
  g_free (request->response);
  g_free (request->audit_detail);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Answers */

static char *
error_body (const char *code, const char *message)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
answer_error (Request *request, guint status, const char *code, const char *message)
{
  request->status = status;
  g_free (request->response);
  request->response = error_body (code, message);
  if (request->audit_detail == NULL)
    request->audit_detail = g_strdup (code);
}

static void
answer (Request *request, guint status, char *body)
{
  request->status = status;
  g_free (request->response);
  request->response = body;
}

static void
send_json (SoupServerMessage *msg, guint status, const char *body)
{
  /* One request per connection (the header guard watches only the first),
   * and libsoup closes it after the answer: say so. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                "close");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
send_error (SoupServerMessage *msg, guint status, const char *code, const char *message)
{
  g_autofree char *body = error_body (code, message);

  send_json (msg, status, body);
}

static void
send_too_large (BkServer *self, SoupServerMessage *msg)
{
  g_autofree char *message = g_strdup_printf ("The request body is larger than %" G_GSIZE_FORMAT
                                              " bytes: send fewer changes at once.",
                                              self->limits.max_body);

  send_error (msg, 413, "body_too_large", message);
}

static gint64
now_seconds (void)
{
  g_autoptr (GDateTime) now = bk_clock_get_now ();

  return g_date_time_to_unix (now);
}

/* The log goes to stderr, one line per event with a priority prefix that
 * journald understands (sd-daemon(3)): "<4>" is a warning. */
static void log_line (int priority, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
log_line (int priority, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (text, "\n\r", ' ');
  fprintf (stderr, "<%d>%s\n", priority, text);
}

/* Body and request parsing helpers (worker thread) */

static JsonObject *
parse_body (Request *request, const char *const *allowed, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GList) names = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (request->body, &size);
  JsonNode *root;

  if (size == 0)
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                           "The request has no body: send a JSON object.");
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                           "The body is not valid UTF-8: send JSON in UTF-8.");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, error))
    {
      g_autofree char *message = g_strdup_printf ("The body is not valid JSON (%s).",
                                                  (*error)->message);

      g_clear_error (error);
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                           "The body must be a JSON object.");
      return NULL;
    }
  names = json_object_get_members (json_node_get_object (root));
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                     "Unknown member “%s”: send only the documented members.", (char *) l->data);
        return NULL;
      }
  return json_object_ref (json_node_get_object (root));
}

/* The string member @name, or NULL with an error saying what to send. */
static const char *
required_string (JsonObject *object, const char *name, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                   "“%s” is missing or not a string.", name);
      return NULL;
    }
  return json_node_get_string (node);
}

static void
answer_gerror (Request *request, const GError *error)
{
  if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST))
    answer_error (request, 400, "invalid_request", error->message);
  else if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_DATA))
    answer_error (request, 422, "invalid_data", error->message);
  else if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_KEY_REUSED))
    answer_error (request, 422, "idempotency_key_reused", error->message);
  else
    {
      log_line (3, "%s %s: %s", request->method, request->path, error->message);
      answer_error (request, 503, "unavailable",
                    "The server could not reach its database. Try again in a minute.");
    }
}

static void
hash_begin (BkServer *self)
{
  g_mutex_lock (&self->hash_lock);
  while (self->hashing >= self->max_hashing)
    g_cond_wait (&self->hash_cond, &self->hash_lock);
  self->hashing++;
  g_mutex_unlock (&self->hash_lock);
}

static void
hash_end (BkServer *self)
{
  g_mutex_lock (&self->hash_lock);
  self->hashing--;
  g_cond_signal (&self->hash_cond);
  g_mutex_unlock (&self->hash_lock);
}

static gboolean
verify_password (BkServer *self, const char *hash, const char *password)
{
  gboolean verified;

  hash_begin (self);
  verified = bk_password_verify (hash, password);
  hash_end (self);
  return verified;
}

static char *hash_password_now (BkServer *self, const char *password, GError **error);

static char *
hash_password (BkServer *self, const char *password, GError **error)
{
  char *hash;

  hash_begin (self);
  hash = hash_password_now (self, password, error);
  hash_end (self);
  return hash;
}

static char *
hash_password_now (BkServer *self, const char *password, GError **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!self->limits.fast_password_hash)
    return bk_password_hash (password, error);

  /* Tests only (see BkServerLimits): the parameters are kept in the hash
   * string, so bk_password_verify() checks it as any other. */
  if (!bk_password_validate (password, error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_MIN,
                         crypto_pwhash_MEMLIMIT_MIN) != 0)
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE,
                           "out of memory hashing a password");
      return NULL;
    }
  return g_strdup (hash);
}

static char *
sha256_hex (const char *data, gsize size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

/* Handlers (worker thread) */

static void
handle_ready (BkServer *self, Request *request)
{
  g_autoptr (GError) error = NULL;

  if (!bk_server_database_check (self->database, &error))
    {
      log_line (3, "not ready: %s", error->message);
      answer_error (request, 503, "database_unreachable",
                    "The server cannot reach its database yet.");
      return;
    }
  answer (request, 200, g_strdup ("{\"status\":\"ready\"}"));
}

static gboolean
valid_user_name (const char *name)
{
  gsize length = strlen (name);

  if (length < 3 || length > 32)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

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

static void
handle_register (BkServer *self, Request *request)
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

  body = parse_body (request, allowed, &error);
  if (body == NULL || (real_name = required_string (body, "real_name", &error)) == NULL ||
      (id_type = required_string (body, "id_type", &error)) == NULL ||
      (id_number = required_string (body, "id_number", &error)) == NULL ||
      (mobile = required_string (body, "mobile", &error)) == NULL ||
      (user_name = required_string (body, "user_name", &error)) == NULL ||
      (password = required_string (body, "password", &error)) == NULL)
    {
      answer_gerror (request, error);
      return;
    }

  trimmed_name = g_strstrip (g_strdup (real_name));
  if (*trimmed_name == '\0' || g_utf8_strlen (trimmed_name, -1) > 50)
    {
      answer_error (request, 422, "invalid_real_name",
                    "Real name: write it as on your ID document (at most 50 characters).");
      return;
    }
  if (!bk_id_type_from_nick (id_type, &type))
    {
      answer_error (request, 422, "invalid_id_type",
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
      answer_error (request, 422, "invalid_id_number",
                    "ID number: check it against your ID document (a resident ID number has 18 "
                    "characters and a valid check digit).");
      return;
    }
  if (!valid_mobile (mobile))
    {
      answer_error (request, 422, "invalid_mobile",
                    "Mobile phone: write the 11-digit number, starting with 1.");
      return;
    }
  if (!valid_user_name (user_name))
    {
      answer_error (request, 422, "invalid_user_name",
                    "User name: use 3 to 32 letters, digits, “.”, “_” or “-”.");
      return;
    }
  if (!bk_password_validate (password, NULL))
    {
      answer_error (request, 422, "invalid_password", "Password: use at least 8 characters.");
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
  account->password_hash = hash_password (self, password, &error);
  if (account->password_hash == NULL ||
      !bk_server_database_create_account (self->database, account, &created, &error))
    {
      answer_gerror (request, error);
      return;
    }

  /* The same answer whether or not the user name or ID number was taken:
   * the answer never tells a stranger who has an account. */
  request->audit = TRUE;
  request->audit_detail = g_strdup (created ? "created" : "duplicate");
  answer (request, 202,
          error_body ("accepted", "If these details were not registered before, the account is "
                                  "ready: sign in with your user name and password. If you "
                                  "cannot sign in, ask the help desk."));
}

/* FALSE (and the 429 answered) when @scope/@key has too many recent
 * failures. */
static gboolean
within_limit (
  BkServer *self, Request *request, const char *scope, const char *key, guint limit, GError **error)
{
  gint64 since = request->now - self->limits.sign_in_window;
  gint64 oldest = 0;
  guint count = 0;
  g_autofree char *message = NULL;

  if (!bk_server_database_count_failures (self->database, scope, key, since, &count, &oldest,
                                          error))
    return FALSE;
  if (count < limit)
    return TRUE;

  request->retry_after = MAX (1, oldest + self->limits.sign_in_window - request->now);
  message = g_strdup_printf ("Too many failed sign-ins. Try again in %u minutes, or ask the help "
                             "desk to reset your password.",
                             (request->retry_after + 59) / 60);
  answer_error (request, 429, "too_many_attempts", message);
  request->audit = TRUE;
  request->audit_detail = g_strdup_printf ("rate limited (%s)", scope);
  return FALSE;
}

static void
handle_sign_in (BkServer *self, Request *request)
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

  body = parse_body (request, allowed, &error);
  if (body == NULL || (user_name = required_string (body, "user_name", &error)) == NULL ||
      (password = required_string (body, "password", &error)) == NULL)
    {
      answer_gerror (request, error);
      return;
    }
  key = g_ascii_strdown (user_name, -1);

  if (!within_limit (self, request, "address", request->address, self->limits.failures_per_address,
                     &error) ||
      !within_limit (self, request, "account", key, self->limits.failures_per_account, &error))
    {
      if (error != NULL)
        answer_gerror (request, error);
      return;
    }

  account = bk_server_database_find_account (self->database, user_name, &error);
  if (error != NULL)
    {
      answer_gerror (request, error);
      return;
    }
  /* An unknown user name costs the same hash as a wrong password. */
  verified = verify_password (self, account != NULL ? account->password_hash : self->dummy_hash,
                              password) &&
             account != NULL;
  request->audit = TRUE;
  if (!verified)
    {
      if (!bk_server_database_record_failure (self->database, key, request->address, request->now,
                                              &error))
        {
          answer_gerror (request, error);
          return;
        }
      request->audit_detail = g_strdup_printf ("failed for “%s”", key);
      answer_error (request, 401, "wrong_credentials",
                    "The user name or the password is wrong. Check both and try again.");
      return;
    }

  randombytes_buf (raw, sizeof raw);
  token = g_base64_encode (raw, sizeof raw);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  g_strdelimit (token, "=", '\0'); /* the padding: 32 bytes always end in one "=" */
  token_hash = sha256_hex (token, strlen (token));
  if (!bk_server_database_clear_failures (self->database, key, &error) ||
      !bk_server_database_add_token (self->database, token_hash, account->id, request->now,
                                     request->now + self->limits.token_lifetime, &error))
    {
      answer_gerror (request, error);
      return;
    }
  g_clear_pointer (&request->account, bk_server_account_free);
  request->account = g_steal_pointer (&account);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, self->limits.token_lifetime);
  json_builder_set_member_name (builder, "account_id");
  json_builder_add_string_value (builder, request->account->id);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, bk_server_role_to_nick (request->account->role));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  request->audit_detail = g_strdup ("signed in");
  answer (request, 201, json_to_string (root, FALSE));
}

static void
handle_sign_out (BkServer *self, Request *request)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *token_hash = sha256_hex (request->token, strlen (request->token));

  if (!bk_server_database_revoke_token (self->database, token_hash, request->now, &error))
    {
      answer_gerror (request, error);
      return;
    }
  answer (request, 200, g_strdup ("{\"status\":\"signed-out\"}"));
}

static gboolean
valid_idempotency_key (const char *key)
{
  gsize length = key != NULL ? strlen (key) : 0;

  if (length < 8 || length > 128)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static void
handle_push (BkServer *self, Request *request)
{
  static const char *const allowed[] = { "changes", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *request_hash = NULL;
  BkServerPushAnswer push_answer = { 0 };
  JsonNode *list;
  JsonArray *array;
  gsize size;
  const char *data;

  if (!valid_idempotency_key (request->idempotency_key))
    {
      answer_error (request, 400, "idempotency_key_required",
                    "Send an Idempotency-Key header (8 to 128 letters, digits, “-” or “_”), the "
                    "same for every retry of this request.");
      return;
    }
  body = parse_body (request, allowed, &error);
  if (body == NULL)
    {
      answer_gerror (request, error);
      return;
    }
  list = json_object_get_member (body, "changes");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      answer_error (request, 400, "invalid_request", "“changes” must be an array.");
      return;
    }
  array = json_node_get_array (list);
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > 500)
    {
      answer_error (request, 400, "invalid_request", "Send 1 to 500 changes in one request.");
      return;
    }
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_change_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkServerChange *change = bk_server_change_parse (json_array_get_element (array, i), i,
                                                       &error);

      if (change == NULL)
        {
          answer_gerror (request, error);
          return;
        }
      g_ptr_array_add (changes, change);
    }

  data = g_bytes_get_data (request->body, &size);
  request_hash = sha256_hex (data, size);
  if (!bk_server_database_push (self->database, request->account, request->idempotency_key,
                                request_hash, changes, request->now, &push_answer, &error))
    {
      answer_gerror (request, error);
      return;
    }
  request->audit_detail = g_strdup_printf ("%u changes%s", changes->len,
                                           push_answer.replayed ? ", replayed" : "");
  answer (request, push_answer.status, g_steal_pointer (&push_answer.body));
}

static gboolean
parse_query_int (Request *request, const char *name, gint64 fallback, gint64 max, gint64 *value)
{
  const char *text = request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;
  guint64 number;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return FALSE;
  *value = number;
  return TRUE;
}

static void
handle_pull (BkServer *self, Request *request)
{
  g_autoptr (GError) error = NULL;
  gint64 since, limit;
  char *body;

  if (!parse_query_int (request, "since", 0, G_MAXINT64, &since) ||
      !parse_query_int (request, "limit", 100, 1000, &limit) || limit == 0)
    {
      answer_error (request, 400, "invalid_request",
                    "“since” must be a cursor the server gave (0 to start) and “limit” a "
                    "number from 1 to 1000.");
      return;
    }
  body = bk_server_database_pull (self->database, request->account, since, limit, &error);
  if (body == NULL)
    {
      answer_gerror (request, error);
      return;
    }
  answer (request, 200, body);
}

static void
handle_audit (BkServer *self, Request *request)
{
  g_autoptr (GError) error = NULL;
  gint64 limit;
  char *body;

  if (!parse_query_int (request, "limit", 100, 1000, &limit) || limit == 0)
    {
      answer_error (request, 400, "invalid_request", "“limit” must be a number from 1 to 1000.");
      return;
    }
  body = bk_server_database_list_audit (self->database, limit, &error);
  if (body == NULL)
    {
      answer_gerror (request, error);
      return;
    }
  answer (request, 200, body);
}

static const Route routes[] = {
  { "/v1/ready", "GET", "ready", ANYONE, FALSE, handle_ready },
  { "/v1/accounts", "POST", "register", ANYONE, TRUE, handle_register },
  { "/v1/sessions", "POST", "sign-in", ANYONE, TRUE, handle_sign_in },
  { "/v1/sessions/current", "DELETE", "sign-out", SIGNED_IN, FALSE, handle_sign_out },
  { "/v1/changes", "POST", "push", CANDIDATE, TRUE, handle_push },
  { "/v1/changes", "GET", "pull", SIGNED_IN, FALSE, handle_pull },
  { "/v1/audit", "GET", "read-audit", ADMIN, FALSE, handle_audit },
};

static gboolean request_done (gpointer data);

/* Runs in a worker thread: who is asking, may they, and the handler. */
static void
run_request (gpointer data, gpointer user_data)
{
  Request *request = data;
  BkServer *self = request->server;
  g_autoptr (GError) error = NULL;
  gboolean allowed = TRUE;

  if (request->route->roles != ANYONE)
    {
      g_autofree char *token_hash = NULL;

      request->audit = TRUE;
      if (request->token != NULL)
        {
          token_hash = sha256_hex (request->token, strlen (request->token));
          request->account = bk_server_database_account_for_token (self->database, token_hash,
                                                                   request->now, &error);
        }
      if (error != NULL)
        {
          answer_gerror (request, error);
          allowed = FALSE;
        }
      else if (request->account == NULL)
        {
          answer_error (request, 401, "not_signed_in",
                        "Sign in first (POST /v1/sessions) and send the token as "
                        "“Authorization: Bearer TOKEN”; a token expires after some hours.");
          allowed = FALSE;
        }
      else if (!(request->route->roles & (1 << request->account->role)))
        {
          answer_error (request, 403, "forbidden",
                        "Your account may not do this. If you need to, ask the registration "
                        "authority.");
          allowed = FALSE;
        }
    }

  else if (request->token != NULL)
    {
      /* Not needed to answer, but the audit log says who asked. */
      g_autofree char *token_hash = sha256_hex (request->token, strlen (request->token));

      request->account = bk_server_database_account_for_token (self->database, token_hash,
                                                               request->now, NULL);
    }

  if (allowed)
    request->route->handle (self, request);

  if (request->status == 403 || request->status == 404 || request->status == 401 ||
      request->status == 429)
    request->audit = TRUE;
  if (request->audit)
    {
      BkServerAuditEntry entry = {
        .at = request->now,
        .account_id = request->account != NULL ? request->account->id : NULL,
        .address = request->address,
        .method = request->method,
        .path = request->path,
        .action = request->route->action,
        .allowed = request->status < 400,
        .status = request->status,
        .detail = request->audit_detail,
      };
      g_autoptr (GError) audit_error = NULL;

      /* Refusals inside a push (another candidate's record, a server
       * field) are refusals too. */
      if (request->status == 200 && request->response != NULL &&
          g_str_equal (request->route->action, "push") &&
          (strstr (request->response, "\"status\":403") != NULL ||
           strstr (request->response, "\"status\":404") != NULL ||
           strstr (request->response, "\"code\":\"id_taken\"") != NULL))
        {
          entry.allowed = FALSE;
          entry.detail = "some changes refused: another's record or a server field";
        }
      if (!bk_server_database_audit (self->database, &entry, &audit_error))
        log_line (3, "the audit log could not be written: %s", audit_error->message);
    }
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, request_done, request,
                              (GDestroyNotify) request_free);
}

/* Back in the main loop: the answer goes out. */
static gboolean
request_done (gpointer data)
{
  Request *request = data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);

  if (request->retry_after > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", request->retry_after);

      soup_message_headers_replace (headers, "Retry-After", seconds);
    }
  if (request->status == 401)
    soup_message_headers_replace (headers, "WWW-Authenticate", "Bearer");
  send_json (request->msg, request->status, request->response);
  soup_server_message_unpause (request->msg);
  if (request->status >= 400)
    log_line (request->status >= 500 ? 3 : 5, "%s %s %s → %u", request->address, request->method,
              request->path, request->status);
  return G_SOURCE_REMOVE;
}

static char *
bearer_token (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;
  value += 7;
  if (*value == '\0' || strlen (value) > 128)
    return NULL;
  return g_strdup (value);
}

static void
audit_unknown_path (BkServer *self, Request *request)
{
  answer_error (request, 404, "not_found",
                "There is no such endpoint: see docs/protocol.md for the ones under /v1.");
}

static const Route unknown_route = {
  NULL, NULL, "unknown-path", ANYONE, FALSE, audit_unknown_path
};

static void
server_cb (SoupServer *soup_server,
           SoupServerMessage *msg,
           const char *path,
           GHashTable *query,
           gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const Route *route = NULL;
  gboolean path_known = FALSE;
  g_autoptr (Request) request = NULL;
  GString *allow = NULL;

  if (state != NULL && state->too_large)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                    "close");
      send_too_large (self, msg);
      return;
    }

  /* The substitutes bk-server-header-guard.c gives for refused requests. */
  if (g_str_equal (path, "/.bk/headers-too-large"))
    {
      send_error (msg, 431, "headers_too_large",
                  "The request headers are too large: send fewer or shorter headers.");
      soup_server_message_set_status (msg, 431, "Request Header Fields Too Large");
      return;
    }
  if (g_str_equal (path, "/.bk/malformed"))
    {
      send_error (msg, 400, "malformed_request",
                  "The request line or a header is not valid HTTP/1.1: check the client.");
      return;
    }
  if (g_str_equal (path, "/.bk/bad-path"))
    {
      send_error (msg, 400, "bad_path",
                  "The path has a “.” or “..” segment: send the endpoint's path as documented.");
      return;
    }

  if (g_str_equal (path, "/v1/health"))
    {
      if (method != SOUP_METHOD_GET)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                        "GET");
          send_error (msg, 405, "method_not_allowed", "Use GET for /v1/health.");
          return;
        }
      send_json (msg, 200, "{\"status\":\"ok\",\"version\":\"" PACKAGE_VERSION "\"}");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (path, routes[i].path))
      {
        path_known = TRUE;
        if (allow == NULL)
          allow = g_string_new (routes[i].method);
        else
          g_string_append_printf (allow, ", %s", routes[i].method);
        if (g_str_equal (method, routes[i].method))
          route = &routes[i];
      }
  if (path_known && route == NULL)
    {
      g_autofree char *methods = g_string_free (allow, FALSE);
      g_autofree char *message = g_strdup_printf ("Use %s for %s.", methods, path);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    methods);
      send_error (msg, 405, "method_not_allowed", message);
      return;
    }
  if (allow != NULL)
    g_string_free (allow, TRUE);
  if (route == NULL)
    route = &unknown_route;

  if (route->body)
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);

      if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
        {
          send_error (msg, 415, "unsupported_media_type",
                      "Send the body as JSON with “Content-Type: application/json”.");
          return;
        }
    }

  request = g_new0 (Request, 1);
  request->server = g_object_ref (self);
  request->msg = g_object_ref (msg);
  request->route = route;
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->address = g_strdup (soup_server_message_get_remote_host (msg));
  if (request->address == NULL)
    request->address = g_strdup ("unknown");
  if (route->body)
    request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  else
    request->body = g_bytes_new (NULL, 0);
  request->token = bearer_token (headers);
  request->idempotency_key = g_strdup (soup_message_headers_get_one (headers, "Idempotency-Key"));
  if (query != NULL)
    request->query = g_hash_table_ref (query);
  request->now = now_seconds ();

  soup_server_message_pause (msg);
  /* Our own pool, not GTask's: TLS handshakes run in GTask's threads and
   * must not wait behind requests blocked on the database or a hash. */
  g_thread_pool_push (self->workers, g_steal_pointer (&request), NULL);
}

/* Reading requests: the body limit and the request deadline */

static gboolean
deadline_cb (gpointer user_data)
{
  MessageState *state = user_data;

  state->deadline = 0;
  /* The client did not send its request in time: drop the connection. */
  if (state->socket != NULL)
    g_socket_shutdown (state->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
message_state_free (MessageState *state)
{
  g_clear_handle_id (&state->deadline, g_source_remove);
  g_clear_object (&state->socket);
  g_free (state);
}

static void
refuse_body (SoupServerMessage *msg, MessageState *state)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  state->too_large = TRUE;
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
}

static void
got_headers_cb (SoupServerMessage *msg, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (state == NULL)
    return;
  state->counted = TRUE;
  self->in_flight++;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->limits.max_body)
    {
      /* Answered now, so a client that sent "Expect: 100-continue" hears
       * it before sending the body; any other client's body is read and
       * thrown away as it comes (within the request timeout). */
      refuse_body (msg, state);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                    "close");
      send_too_large (self, msg);
    }
}

static void
got_chunk_cb (SoupServerMessage *msg, GBytes *chunk, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");

  if (state == NULL)
    return;
  state->received += g_bytes_get_size (chunk);
  if (state->received > self->limits.max_body && !state->too_large)
    refuse_body (msg, state);
  else if (state->too_large)
    soup_message_body_truncate (soup_server_message_get_request_body (msg));
}

static void
got_body_cb (SoupServerMessage *msg, gpointer user_data)
{
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");

  if (state != NULL)
    g_clear_handle_id (&state->deadline, g_source_remove);
}

static void
finished_cb (SoupServerMessage *msg, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");

  if (state == NULL)
    return;
  g_clear_handle_id (&state->deadline, g_source_remove);
  if (state->counted)
    {
      state->counted = FALSE;
      self->in_flight--;
    }
}

static void
request_started_cb (SoupServer *soup_server, SoupServerMessage *msg, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_new0 (MessageState, 1);
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  GSocket *socket = remote != NULL ? g_hash_table_lookup (self->sockets, remote) : NULL;

  if (socket != NULL)
    state->socket = g_object_ref (socket);
  state->deadline = g_timeout_add_seconds (self->limits.request_timeout, deadline_cb, state);
  g_object_set_data_full (G_OBJECT (msg), "bk-state", state, (GDestroyNotify) message_state_free);
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
  g_signal_connect_object (msg, "got-body", G_CALLBACK (got_body_cb), self, 0);
  g_signal_connect_object (msg, "finished", G_CALLBACK (finished_cb), self, 0);
}

/* Accepting connections */

typedef struct
{
  BkServer *server;
  GSocketAddress *remote;
} Connection;

static void
connection_gone_cb (gpointer user_data, GObject *where_the_object_was)
{
  Connection *connection = user_data;

  if (connection->server != NULL)
    {
      g_hash_table_remove (connection->server->connections, where_the_object_was);
      g_hash_table_remove (connection->server->sockets, connection->remote);
    }
  g_object_unref (connection->remote);
  g_free (connection);
}

static gboolean
incoming_cb (GSocketService *service,
             GSocketConnection *socket_connection,
             GObject *source_object,
             gpointer user_data)
{
  BkServer *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketAddress) local = NULL;
  g_autoptr (GSocketAddress) remote = NULL;
  g_autoptr (GIOStream) base = NULL;
  g_autoptr (GIOStream) stream = NULL;
  g_autoptr (GInputStream) input = NULL;
  GSocket *socket = g_socket_connection_get_socket (socket_connection);
  Connection *connection;

  if (g_hash_table_size (self->connections) >= self->limits.max_connections)
    {
      gint64 now = g_get_monotonic_time ();

      /* At most one line a second while a flood lasts. */
      if (now - self->last_refusal_log > G_USEC_PER_SEC)
        {
          self->last_refusal_log = now;
          log_line (4, "%u connections open: refusing new ones until some close",
                    self->limits.max_connections);
        }
      g_socket_close (socket, NULL);
      return TRUE;
    }

  local = g_socket_connection_get_local_address (socket_connection, &error);
  remote = g_socket_connection_get_remote_address (socket_connection, &error);
  if (local == NULL || remote == NULL)
    {
      g_socket_close (socket, NULL);
      return TRUE;
    }
  /* Every wait for the client (TLS handshake, headers, body, reading the
   * answer) ends with an error after this many seconds. */
  g_socket_set_timeout (socket, self->limits.idle_timeout);

  if (self->certificate != NULL)
    {
      base = (GIOStream *) g_tls_server_connection_new (G_IO_STREAM (socket_connection),
                                                        self->certificate, &error);
      if (base == NULL)
        {
          log_line (3, "TLS is not available: %s", error->message);
          g_socket_close (socket, NULL);
          return TRUE;
        }
    }
  else
    base = g_object_ref (G_IO_STREAM (socket_connection));

  /* libsoup reads the request through a stream that holds its headers
   * back (see bk-server-header-guard.c); the TLS (or socket) connection
   * lives as long as that stream. */
  input = bk_server_header_guard_new (g_io_stream_get_input_stream (base), MAX_HEADER_BYTES);
  stream = g_simple_io_stream_new (input, g_io_stream_get_output_stream (base));
  g_object_set_data_full (G_OBJECT (stream), "bk-base-stream", g_steal_pointer (&base),
                          g_object_unref);

  connection = g_new0 (Connection, 1);
  connection->server = self;
  connection->remote = g_object_ref (remote);
  g_hash_table_insert (self->connections, stream, connection);
  g_hash_table_insert (self->sockets, remote, socket);
  g_object_weak_ref (G_OBJECT (stream), connection_gone_cb, connection);

  soup_server_accept_iostream (self->soup_server, stream, local, remote, NULL);
  return TRUE;
}

/* GObject */

/* A connection that outlives the server must not reach back into it. */
static void
forget_connection (gpointer key, gpointer value, gpointer user_data)
{
  Connection *connection = value;

  connection->server = NULL;
}

static void
bk_server_dispose (GObject *object)
{
  BkServer *self = BK_SERVER (object);

  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
      g_clear_object (&self->service);
    }
  if (self->soup_server != NULL)
    soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);
  if (self->connections != NULL)
    {
      g_hash_table_foreach (self->connections, forget_connection, NULL);
      g_hash_table_remove_all (self->connections);
      g_hash_table_remove_all (self->sockets);
    }

  G_OBJECT_CLASS (bk_server_parent_class)->dispose (object);
}

static void
bk_server_finalize (GObject *object)
{
  BkServer *self = BK_SERVER (object);

  g_clear_object (&self->certificate);
  g_clear_object (&self->database);
  g_free (self->dummy_hash);
  g_hash_table_unref (self->connections);
  g_hash_table_unref (self->sockets);
  /* Every request holds a reference, so no worker is busy any more. */
  g_thread_pool_free (self->workers, TRUE, TRUE);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->hash_lock);
  g_cond_clear (&self->hash_cond);

  G_OBJECT_CLASS (bk_server_parent_class)->finalize (object);
}

static void
bk_server_class_init (BkServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_server_dispose;
  object_class->finalize = bk_server_finalize;
}

static void
bk_server_init (BkServer *self)
{
  self->soup_server = soup_server_new ("server-header", "baokao-server/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (self->soup_server, NULL, server_cb, self, NULL);
  g_signal_connect_object (self->soup_server, "request-started", G_CALLBACK (request_started_cb),
                           self, 0);
  self->connections = g_hash_table_new (NULL, NULL);
  self->sockets = g_hash_table_new (NULL, NULL);
  g_mutex_init (&self->hash_lock);
  g_cond_init (&self->hash_cond);
  self->max_hashing = MAX (1, g_get_num_processors ());
  self->context = g_main_context_ref_thread_default ();
  self->workers = g_thread_pool_new (run_request, NULL, WORKER_THREADS, FALSE, NULL);
}

BkServer *
bk_server_new (BkServerDatabase *database, const BkServerLimits *limits)
{
  BkServer *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  self = g_object_new (BK_TYPE_SERVER, NULL);
  self->database = g_object_ref (database);
  self->limits = *limits;
  self->dummy_hash = hash_password (self, "not a real password at all", &error);
  if (self->dummy_hash == NULL)
    g_error ("hashing a password failed: %s", error->message);
  return self;
}

gboolean
bk_server_listen (
  BkServer *self, const char *address, guint port, GTlsCertificate *certificate, GError **error)
{
  g_autoptr (GInetAddress) inet = NULL;
  g_autoptr (GSocketAddress) socket_address = NULL;
  g_autoptr (GSocketAddress) effective = NULL;

  g_return_val_if_fail (BK_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address",
                   address);
      return FALSE;
    }
  g_set_object (&self->certificate, certificate);

  socket_address = g_inet_socket_address_new (inet, port);
  self->service = g_socket_service_new ();
  g_socket_listener_set_backlog (G_SOCKET_LISTENER (self->service), 128);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), socket_address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &effective,
                                      error))
    {
      g_clear_object (&self->service);
      return FALSE;
    }
  g_signal_connect_object (self->service, "incoming", G_CALLBACK (incoming_cb), self, 0);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_service_start (self->service);
  return TRUE;
}

guint
bk_server_get_port (BkServer *self)
{
  g_return_val_if_fail (BK_IS_SERVER (self), 0);
  return self->port;
}

void
bk_server_stop_accepting (BkServer *self)
{
  g_return_if_fail (BK_IS_SERVER (self));

  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
    }
}

guint
bk_server_get_requests_in_flight (BkServer *self)
{
  g_return_val_if_fail (BK_IS_SERVER (self), 0);
  return self->in_flight;
}
