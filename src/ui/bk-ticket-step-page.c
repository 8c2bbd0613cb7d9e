/* bk-ticket-step-page.c
 *
 * The examination authority issues the ticket on the server (`admin
 * allocate-seats`), which writes it into the application; the candidate's
 * next pull keeps the server's copy of the application in the store. The
 * page reads the ticket from that copy off the main thread, verifies its
 * signature with the session's public key (so a ticket that would not
 * pass the invigilator's scan is never printed), and shows it with the
 * profile's standardised photo in a BkTicketSheet, which prints or saves
 * it within the session's ticket-printing window.
 *
 * The server has no word of printing (docs/protocol.md, "States"): the
 * application's move to ticket-printed is not recorded, as a push of it
 * would be refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-admission-ticket.h"
#include "bk-format.h"
#include "bk-sessions.h"
#include "bk-step-page.h"
#include "bk-ticket-sheet.h"
#include "bk-ticket-step-page.h"

struct _BkTicketStepPage
{
  AdwBin parent_instance;

  BkStore *store;
  BkSyncScheduler *scheduler;
  BkProfile *profile;
  BkExamApplication *application;
  BkAdmissionTicket *ticket; /* verified, the profile's */
  char *problem;             /* why the server's ticket is not shown */
  GCancellable *cancellable; /* of the read on its way */

  /* Template widgets */
  GtkLabel *intro_label;
  GtkLabel *details_label;
  GtkLabel *problem_label;
  BkTicketSheet *sheet;
};

static void bk_ticket_step_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkTicketStepPage,
                               bk_ticket_step_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_ticket_step_page_step_page_init))

enum
{
  LOADED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* What the ticket says, in words: the picture of it says nothing to a
 * screen reader, and the candidate needs where and when. */
static void
show_details (BkTicketStepPage *self)
{
  const BkAdmissionTicket *ticket = self->ticket;
  g_autoptr (GString) text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->details_label), ticket != NULL);
  if (ticket == NULL)
    return;
  text = g_string_new (NULL);
  /* TRANSLATORS: ticket number; venue name and address; room and seat */
  g_string_printf (text, _ ("Ticket number %s\n%s, %s\nRoom %03u, seat %02u"), ticket->number,
                   ticket->venue_name, ticket->venue_address, ticket->room, ticket->seat);
  for (guint i = 0; i < ticket->subjects->len; i++)
    {
      const BkExamSubject *subject = g_ptr_array_index (ticket->subjects, i);
      g_autofree char *start = bk_format_date_time (subject->start);

      /* TRANSLATORS: a subject on the ticket: its number, name, and when it starts */
      g_string_append_printf (text, _ ("\n%u. %s — %s"), subject->number,
                              bk_exam_subject_get_name (subject), start);
    }
  gtk_label_set_text (self->details_label, text->str);
}

/* The ticket shown, with the profile's photo as it is now, or why there
 * is none; the page (and its step) shows only then. */
static void
update (BkTicketStepPage *self)
{
  BkExamSession *session = NULL;
  GBytes *photo = NULL;
  const char *problem = self->problem;

  if (self->ticket != NULL)
    session = bk_sessions_lookup (self->ticket->session_id);
  if (self->profile != NULL)
    photo = bk_profile_get_photo_standardised (self->profile);
  if (self->ticket != NULL && photo == NULL)
    problem = _ ("The ticket prints with your standardised photo, and this profile has none: "
                 "add your photo in step 3, then print the ticket here.");
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), self->ticket != NULL);
  show_details (self);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  bk_ticket_sheet_set_ticket (self->sheet, session != NULL ? self->ticket : NULL, session, photo);
  gtk_widget_set_visible (GTK_WIDGET (self), self->ticket != NULL || self->problem != NULL);
}

/* Reading the server's copy and verifying the ticket, in a thread. */

typedef struct
{
  BkStore *store;
  char *application_id;
  BkExamSession *session;
} Read;

static void
read_free (Read *read)
{
  g_object_unref (read->store);
  g_free (read->application_id);
  g_clear_object (&read->session);
  g_free (read);
}

/* The `signed` text of the copy's `ticket`, or NULL when it has none. */
static char *
signed_text_of (const char *payload)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *ticket;

  if (payload == NULL || !json_parser_load_from_data (parser, payload, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "ticket") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "ticket")))
    return NULL;
  ticket = json_object_get_object_member (json_node_get_object (root), "ticket");
  return g_strdup (json_object_get_string_member_with_default (ticket, "signed", ""));
}

static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Read *read = data;
  GError *error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *text = NULL;
  BkAdmissionTicket *ticket;

  payload = bk_store_read_remote_copy (read->store, "application", read->application_id, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  text = signed_text_of (payload);
  if (text == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  ticket = bk_admission_ticket_verify (text, read->session, &error);
  if (ticket == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ticket, (GDestroyNotify) bk_admission_ticket_free);
}

static void
read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkTicketStepPage *self = BK_TICKET_STEP_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkAdmissionTicket) ticket = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_pointer (&self->problem, g_free);
  if (error != NULL)
    /* TRANSLATORS: %s says why the ticket was refused */
    self->problem = g_strdup_printf (_ ("The admission ticket from the server could not be "
                                        "checked (%s). Sync again later; if this stays, ask your "
                                        "registration point."),
                                     error->message);
  else if (ticket != NULL && self->profile != NULL &&
           g_strcmp0 (ticket->id_number, bk_profile_get_id_number (self->profile)) != 0)
    self->problem = g_strdup (_ ("The admission ticket from the server carries another ID "
                                 "number than this profile: do not use it, and ask your "
                                 "registration point."));
  else
    self->ticket = g_steal_pointer (&ticket);
  update (self);
  g_signal_emit (self, signals[LOADED], 0);
}

void
bk_ticket_step_page_reload (BkTicketStepPage *self)
{
  g_autoptr (GTask) task = NULL;
  Read *read;

  g_return_if_fail (BK_IS_TICKET_STEP_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->application == NULL)
    {
      g_clear_pointer (&self->ticket, bk_admission_ticket_free);
      g_clear_pointer (&self->problem, g_free);
      update (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  read = g_new0 (Read, 1);
  read->store = g_object_ref (self->store);
  read->application_id = g_strdup (bk_exam_application_get_id (self->application));
  read->session = bk_sessions_lookup (bk_exam_application_get_session_id (self->application));
  if (read->session != NULL)
    g_object_ref (read->session);
  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, bk_ticket_step_page_reload);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  g_task_run_in_thread (task, read_thread);
}

static void
bk_ticket_step_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkTicketStepPage *self = BK_TICKET_STEP_PAGE (page);

  /* Another profile: nothing of the last one's ticket stays until its
   * own application comes. */
  if (g_set_object (&self->profile, profile))
    {
      g_clear_object (&self->application);
      bk_ticket_step_page_reload (self);
    }
  else
    update (self); /* the photo may have changed */
}

static void
bk_ticket_step_page_set_application (BkStepPage *page, BkExamApplication *application)
{
  BkTicketStepPage *self = BK_TICKET_STEP_PAGE (page);

  g_set_object (&self->application, application);
  bk_ticket_step_page_reload (self);
}

static void
bk_ticket_step_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_ticket_step_page_set_profile;
  iface->set_application = bk_ticket_step_page_set_application;
}

static void
bk_ticket_step_page_dispose (GObject *object)
{
  BkTicketStepPage *self = BK_TICKET_STEP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_TICKET_STEP_PAGE);
  bk_ticket_step_page_set_scheduler (self, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  g_clear_object (&self->application);
  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (bk_ticket_step_page_parent_class)->dispose (object);
}

static void
bk_ticket_step_page_class_init (BkTicketStepPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_ticket_step_page_dispose;

  /* The ticket has been looked for (found or not). */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BK_TYPE_TICKET_SHEET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-ticket-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkTicketStepPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketStepPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketStepPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketStepPage, sheet);
}

static void
bk_ticket_step_page_init (BkTicketStepPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bk_ticket_step_page_set_store (BkTicketStepPage *self, BkStore *store)
{
  g_return_if_fail (BK_IS_TICKET_STEP_PAGE (self));
  g_return_if_fail (store == NULL || BK_IS_STORE (store));

  if (g_set_object (&self->store, store))
    bk_ticket_step_page_reload (self);
}

void
bk_ticket_step_page_set_scheduler (BkTicketStepPage *self, BkSyncScheduler *scheduler)
{
  g_return_if_fail (BK_IS_TICKET_STEP_PAGE (self));
  g_return_if_fail (scheduler == NULL || BK_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler == scheduler)
    return;
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  /* "last-synced" changes when a sync has ended well: what it pulled is in
   * the store. */
  if (scheduler != NULL)
    g_signal_connect_swapped (scheduler, "notify::last-synced",
                              G_CALLBACK (bk_ticket_step_page_reload), self);
}

GtkWidget *
bk_ticket_step_page_get_sheet (BkTicketStepPage *self)
{
  g_return_val_if_fail (BK_IS_TICKET_STEP_PAGE (self), NULL);

  return GTK_WIDGET (self->sheet);
}
