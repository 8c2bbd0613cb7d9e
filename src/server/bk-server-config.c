/* bk-server-config.c
 *
 * [server]
 * address=127.0.0.1
 * port=8443
 * certificate=/etc/baokao-server/server.pem
 * key=/etc/baokao-server/server.key
 * database=/var/lib/baokao-server/server.sqlite
 *   (or a PostgreSQL connection string: postgresql://baokao@db/baokao or
 *   host=db dbname=baokao user=baokao)
 * state-directory=/var/lib/baokao-server
 *
 * [limits]
 * max-body-bytes=1048576
 * max-photo-bytes=4194304
 * max-proof-bytes=8388608
 * max-connections=512
 * idle-timeout=30
 * keep-alive-seconds=5
 * request-timeout=60
 * sign-in-window=900
 * failures-per-account=5
 * failures-per-address=20
 * token-lifetime=43200
 *
 * [tickets]
 * signing-key=/etc/baokao-server/ticket.key
 *   (the authority's Ed25519 secret key, from baokao-tool ticket keygen;
 *   admin allocate-seats signs the admission tickets with it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-config.h"
#include "bk-server-error.h"

void
bk_server_config_init (BkServerConfig *config)
{
  g_return_if_fail (config != NULL);

  *config = (BkServerConfig){ 0 };
  config->address = g_strdup ("127.0.0.1");
  config->port = 8443;
  config->state_dir = g_build_filename (g_get_user_state_dir (), "baokao-server", NULL);
  bk_server_limits_init_defaults (&config->limits);
}

void
bk_server_config_clear (BkServerConfig *config)
{
  g_return_if_fail (config != NULL);

  g_clear_pointer (&config->address, g_free);
  g_clear_pointer (&config->certificate, g_free);
  g_clear_pointer (&config->key, g_free);
  g_clear_pointer (&config->database, g_free);
  g_clear_pointer (&config->state_dir, g_free);
  g_clear_pointer (&config->ticket_signing_key, g_free);
}

static gboolean
read_string (GKeyFile *file, const char *group, const char *key, char **value, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = g_key_file_get_string (file, group, key, &local_error);

  if (text == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND) ||
          g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_free (*value);
  *value = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_number (GKeyFile *file,
             const char *group,
             const char *key,
             guint64 min,
             guint64 max,
             guint64 *value,
             GError **error)
{
  g_autofree char *text = g_key_file_get_value (file, group, key, NULL);

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, min, max, value, NULL))
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG,
                   "[%s] %s must be a whole number from %" G_GUINT64_FORMAT
                   " to %" G_GUINT64_FORMAT,
                   group, key, min, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_keys (GKeyFile *file, const char *group, const char *const *known, GError **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known, keys[i]))
      {
        g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG, "[%s] has no key “%s”", group,
                     keys[i]);
        return FALSE;
      }
  return TRUE;
}

gboolean
bk_server_config_load (BkServerConfig *config, const char *path, GError **error)
{
  static const char *const groups[] = { "server", "limits", "workflow", "tickets", NULL };
  static const char *const server_keys[] = {
    "address", "port", "certificate", "key", "database", "state-directory", NULL,
  };
  static const char *const limit_keys[] = {
    "max-body-bytes",       "max-photo-bytes",      "max-proof-bytes", "max-connections",
    "idle-timeout",         "keep-alive-seconds",   "request-timeout", "sign-in-window",
    "failures-per-account", "failures-per-address", "token-lifetime",  NULL,
  };
  static const char *const workflow_keys[] = { "spot-check-rate", "spot-check-seed", NULL };
  static const char *const ticket_keys[] = { "signing-key", NULL };
  struct
  {
    const char *key;
    guint64 min, max;
    guint *value;
  } numbers[] = {
    { "max-connections", 1, 100000, &config->limits.max_connections },
    { "idle-timeout", 1, 3600, &config->limits.idle_timeout },
    { "keep-alive-seconds", 1, 3600, &config->limits.keep_alive },
    { "request-timeout", 1, 3600, &config->limits.request_timeout },
    { "sign-in-window", 1, 86400, &config->limits.sign_in_window },
    { "failures-per-account", 1, 1000, &config->limits.failures_per_account },
    { "failures-per-address", 1, 100000, &config->limits.failures_per_address },
    { "token-lifetime", 60, 30 * 86400, &config->limits.token_lifetime },
  };
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_auto (GStrv) names = NULL;
  guint64 number;

  g_return_val_if_fail (config != NULL && path != NULL, FALSE);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  names = g_key_file_get_groups (file, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains (groups, names[i]))
      {
        g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG,
                     "%s: unknown group [%s]; use [server], [limits], [workflow] and [tickets]",
                     path, names[i]);
        return FALSE;
      }
  if (!check_keys (file, "server", server_keys, error) ||
      !check_keys (file, "limits", limit_keys, error) ||
      !check_keys (file, "workflow", workflow_keys, error) ||
      !check_keys (file, "tickets", ticket_keys, error) ||
      !read_string (file, "server", "address", &config->address, error) ||
      !read_string (file, "server", "certificate", &config->certificate, error) ||
      !read_string (file, "server", "key", &config->key, error) ||
      !read_string (file, "server", "database", &config->database, error) ||
      !read_string (file, "server", "state-directory", &config->state_dir, error) ||
      !read_string (file, "tickets", "signing-key", &config->ticket_signing_key, error))
    goto failed;

  number = config->port;
  if (!read_number (file, "server", "port", 0, 65535, &number, error))
    goto failed;
  config->port = number;
  {
    struct
    {
      const char *key;
      gsize *value;
    } sizes[] = {
      { "max-body-bytes", &config->limits.max_body },
      { "max-photo-bytes", &config->limits.max_photo },
      { "max-proof-bytes", &config->limits.max_proof },
    };

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        number = *sizes[i].value;
        if (!read_number (file, "limits", sizes[i].key, 1024, 256 * 1024 * 1024, &number, error))
          goto failed;
        *sizes[i].value = number;
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      number = *numbers[i].value;
      if (!read_number (file, "limits", numbers[i].key, numbers[i].min, numbers[i].max, &number,
                        error))
        goto failed;
      *numbers[i].value = number;
    }
  number = config->limits.spot_check_rate;
  if (!read_number (file, "workflow", "spot-check-rate", 0, 100, &number, error))
    goto failed;
  config->limits.spot_check_rate = number;
  if (!read_number (file, "workflow", "spot-check-seed", 0, G_MAXUINT64,
                    &config->limits.spot_check_seed, error))
    goto failed;
  return TRUE;

failed:
  g_prefix_error (error, "%s: ", path);
  return FALSE;
}
