/* bk-ticket-window.c
 *
 * A barcode scanner types the ticket's QR code into the field as a
 * keyboard would, then Enter; so does whoever pastes the code the
 * authority sent. The ticket is verified against its session's key; the
 * name, ID and (when this computer has the candidate's profile) the photo
 * are shown for the invigilator to compare with the person and the ID.
 *
 * The ticket, its printing window's rule, printing and saving are
 * BkTicketSheet's, which the candidate's own ticket step shows too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-admission-ticket.h"
#include "bk-ticket-sheet.h"
#include "bk-ticket-window.h"

struct _BkTicketWindow
{
  AdwWindow parent_instance;

  BkStore *store;
  BkAdmissionTicket *ticket;
  BkExamSession *session;
  GCancellable *cancellable; /* of the photo lookup of the ticket shown */

  /* Template widgets */
  GtkEntry *code_entry;
  GtkLabel *result_label;
  GtkBox *candidate_box;
  GtkPicture *photo_picture;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *photo_label;
  BkTicketSheet *sheet;
};

G_DEFINE_FINAL_TYPE (BkTicketWindow, bk_ticket_window, ADW_TYPE_WINDOW)

static void
show_photo (BkTicketWindow *self, GBytes *jpeg)
{
  g_autoptr (GdkTexture) texture = NULL;

  if (jpeg != NULL)
    texture = gdk_texture_new_from_bytes (jpeg, NULL);
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->photo_picture), texture != NULL);
  gtk_label_set_text (self->photo_label,
                      texture != NULL
                        ? _ ("Photo from this computer’s profile: compare it with the candidate "
                             "and with the photo on the ticket.")
                        : _ ("This computer has no profile with this ID number and a photo: "
                             "compare the candidate with the photo printed on the ticket and "
                             "the ID document. To print the ticket here, open or add the "
                             "candidate’s profile with the photo on this computer."));
  bk_ticket_sheet_set_ticket (self->sheet, self->ticket, self->session,
                              texture != NULL ? jpeg : NULL);
}

typedef struct
{
  BkTicketWindow *self;
  GListModel *summaries;
  guint next;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->self);
  g_clear_object (&lookup->summaries);
  g_free (lookup);
}

static void lookup_next (Lookup *lookup);

static void
profile_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Lookup *lookup = user_data;
  g_autoptr (BkProfile) profile = bk_store_load_profile_finish (BK_STORE (source), result, NULL);

  if (g_cancellable_is_cancelled (lookup->self->cancellable))
    {
      lookup_free (lookup);
      return;
    }
  /* Only the standardised photo, which the ticket prints anyway: whoever
   * holds a valid ticket sees nothing of the password-protected profile
   * that the ticket does not show. */
  if (profile != NULL &&
      g_strcmp0 (bk_profile_get_id_number (profile), lookup->self->ticket->id_number) == 0 &&
      bk_profile_get_photo_standardised (profile) != NULL)
    {
      show_photo (lookup->self, bk_profile_get_photo_standardised (profile));
      lookup_free (lookup);
      return;
    }
  lookup_next (lookup);
}

static void
lookup_next (Lookup *lookup)
{
  g_autoptr (BkProfileSummary) summary = NULL;

  if (lookup->next >= g_list_model_get_n_items (lookup->summaries))
    {
      lookup_free (lookup);
      return;
    }
  summary = g_list_model_get_item (lookup->summaries, lookup->next++);
  bk_store_load_profile_async (lookup->self->store, bk_profile_summary_get_id (summary),
                               lookup->self->cancellable, profile_loaded_cb, lookup);
}

static void
profiles_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Lookup *lookup = user_data;

  lookup->summaries = bk_store_list_profiles_finish (BK_STORE (source), result, NULL);
  if (lookup->summaries == NULL || g_cancellable_is_cancelled (lookup->self->cancellable))
    {
      lookup_free (lookup);
      return;
    }
  lookup_next (lookup);
}

static void
clear_ticket (BkTicketWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_object (&self->session);
  bk_ticket_sheet_set_ticket (self->sheet, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_box), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "success");
}

void
bk_ticket_window_check (BkTicketWindow *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (BK_IS_TICKET_WINDOW (self));
  g_return_if_fail (text != NULL);

  clear_ticket (self);
  self->ticket = bk_admission_ticket_verify (text, NULL, &error);
  if (self->ticket != NULL)
    self->session = bk_exam_session_load (self->ticket->session_id, &error);
  if (self->session == NULL)
    {
      g_clear_pointer (&self->ticket, bk_admission_ticket_free);
      gtk_label_set_text (self->result_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
      return;
    }

  gtk_label_set_text (self->result_label,
                      _ ("Valid admission ticket, signed by the examination authority."));
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "success");
  gtk_label_set_text (self->name_label, self->ticket->candidate_name);
  /* TRANSLATORS: ID number, ticket number, room and seat on the admission ticket */
  details = g_strdup_printf (_ ("ID number %s\nTicket number %s\nRoom %03u, seat %02u\n%s"),
                             self->ticket->id_number, self->ticket->number, self->ticket->room,
                             self->ticket->seat, self->ticket->venue_name);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_box), TRUE);
  show_photo (self, NULL);

  if (self->store != NULL)
    {
      Lookup *lookup = g_new0 (Lookup, 1);

      self->cancellable = g_cancellable_new ();
      lookup->self = g_object_ref (self);
      bk_store_list_profiles_async (self->store, self->cancellable, profiles_listed_cb, lookup);
    }
}

static void
code_activate_cb (BkTicketWindow *self)
{
  bk_ticket_window_check (self, gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
}

static void
bk_ticket_window_dispose (GObject *object)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (object);

  clear_ticket (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_ticket_window_parent_class)->dispose (object);
}

static void
bk_ticket_window_class_init (BkTicketWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_ticket_window_dispose;

  g_type_ensure (BK_TYPE_TICKET_SHEET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-ticket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, code_entry);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, candidate_box);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, photo_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, sheet);
  gtk_widget_class_bind_template_callback (widget_class, code_activate_cb);
}

static void
bk_ticket_window_init (BkTicketWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkTicketWindow *
bk_ticket_window_new (GtkWindow *parent, BkStore *store)
{
  BkTicketWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || BK_IS_STORE (store), NULL);

  self = g_object_new (BK_TYPE_TICKET_WINDOW, "transient-for", parent, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  return self;
}

GtkWidget *
bk_ticket_window_get_sheet (BkTicketWindow *self)
{
  g_return_val_if_fail (BK_IS_TICKET_WINDOW (self), NULL);

  return GTK_WIDGET (self->sheet);
}
