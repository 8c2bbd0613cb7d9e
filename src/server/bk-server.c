/* bk-server.c — the registration server's HTTP front
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bk-server.h"

struct _BkServer
{
  GObject parent_instance;

  SoupServer *soup_server;
};

G_DEFINE_FINAL_TYPE (BkServer, bk_server, G_TYPE_OBJECT)

static void
reply_json (SoupServerMessage *msg, guint status, JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *body = json_to_string (root, FALSE);
  gsize length = strlen (body);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), length);
}

/* GET /v1/health: lets clients and tests see that the server is up and
 * which version answers. */
static void
health_cb (SoupServer *server,
           SoupServerMessage *msg,
           const char *path,
           GHashTable *query,
           gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);

  reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
bk_server_dispose (GObject *object)
{
  BkServer *self = BK_SERVER (object);

  if (self->soup_server != NULL)
    soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);

  G_OBJECT_CLASS (bk_server_parent_class)->dispose (object);
}

static void
bk_server_class_init (BkServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_server_dispose;
}

static void
bk_server_init (BkServer *self)
{
  self->soup_server = soup_server_new ("server-header", "baokao-server/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (self->soup_server, "/v1/health", health_cb, self, NULL);
}

BkServer *
bk_server_new (void)
{
  return g_object_new (BK_TYPE_SERVER, NULL);
}

gboolean
bk_server_listen (BkServer *self, const char *address, guint port, GError **error)
{
  g_autoptr (GInetAddress) inet = NULL;
  g_autoptr (GSocketAddress) socket_address = NULL;

  g_return_val_if_fail (BK_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address",
                   address);
      return FALSE;
    }

  socket_address = g_inet_socket_address_new (inet, port);
  return soup_server_listen (self->soup_server, socket_address, 0, error);
}

guint
bk_server_get_port (BkServer *self)
{
  g_autoslist (GUri) uris = NULL;

  g_return_val_if_fail (BK_IS_SERVER (self), 0);

  uris = soup_server_get_uris (self->soup_server);
  if (uris == NULL)
    return 0;

  return g_uri_get_port (uris->data);
}
