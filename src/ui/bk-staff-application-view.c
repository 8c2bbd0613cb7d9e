/* bk-staff-application-view.c
 *
 * Built in code rather than a template: its groups depend on the records
 * the server sends (one row per education or work record, one view per
 * proof), and everything is dropped on the next application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-eligibility.h"
#include "bk-enum-nick.h"
#include "bk-profile.h"
#include "bk-proof-entry.h"
#include "bk-sessions.h"
#include "bk-staff-application-view.h"
#include "bk-staff-labels.h"
#include "bk-staff-proof-view.h"
#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

struct _BkStaffApplicationView
{
  GtkWidget parent_instance;

  BkStaffClient *client;
  GCancellable *cancellable;
  GtkWidget *scrolled;
  GtkWidget *box;
  char *application_id;
  gint64 version;
  char *queue;

  /* The decision's or the payment's controls, when shown. */
  GtkWidget *decision;
  GtkWidget *reason;
  GtkWidget *note;
  GtkWidget *receipt;
  GtkWidget *amount;
  GtkWidget *send;
  GtkWidget *result;
};

G_DEFINE_FINAL_TYPE (BkStaffApplicationView, bk_staff_application_view, GTK_TYPE_WIDGET)

enum
{
  LOADED,
  PROOF_SHOWN,
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
string_of (JsonObject *object, const char *member)
{
  return object != NULL ? bk_sync_protocol_string (object, member, NULL) : NULL;
}

static JsonObject *
object_of (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint64
int_of (JsonObject *object, const char *member, gint64 fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static GtkWidget *
add_group (BkStaffApplicationView *self, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

static void
add_row (GtkWidget *group, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
say (BkStaffApplicationView *self, const char *message)
{
  if (self->result != NULL)
    gtk_label_set_text (GTK_LABEL (self->result), message);
}

static void
clear_box (BkStaffApplicationView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->decision = self->reason = self->note = self->receipt = self->amount = NULL;
  self->send = self->result = NULL;
}

/* The candidate and their records */

static GPtrArray *
payloads_of (JsonArray *records, const char *entity)
{
  GPtrArray *payloads = g_ptr_array_new ();

  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonNode *node = json_array_get_element (records, i);
      JsonObject *record = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (string_of (record, "entity"), entity) == 0 &&
          object_of (record, "payload") != NULL)
        g_ptr_array_add (payloads, object_of (record, "payload"));
    }
  return payloads;
}

static void
show_candidate (BkStaffApplicationView *self, JsonObject *profile, JsonArray *records)
{
  GtkWidget *group = add_group (self, _ ("Candidate"));
  g_autoptr (GPtrArray) education = payloads_of (records, "education");
  g_autoptr (GPtrArray) work = payloads_of (records, "work_period");

  add_row (group, _ ("Name"), string_of (profile, "real_name"));
  add_row (group, _ ("ID Type"), bk_staff_labels_id_type (string_of (profile, "id_type")));
  add_row (group, _ ("ID Number"), string_of (profile, "id_number"));
  add_row (group, _ ("Mobile"), string_of (profile, "mobile"));
  add_row (group, _ ("Birth Date"), string_of (profile, "birth_date"));
  for (guint i = 0; i < education->len; i++)
    {
      const char *level = string_of (education->pdata[i], "level");
      int value = 0;
      g_autofree char *text = NULL;

      /* The level as the candidate chose it, in the staff's language. */
      if (level != NULL && bk_enum_from_nick (BK_TYPE_EDUCATION_LEVEL, level, &value))
        level = bk_education_level_get_display_name (value);
      text = g_strdup_printf ("%s · %s · %s · %s", string_of (education->pdata[i], "school") ?: "",
                              string_of (education->pdata[i], "major") ?: "", level ?: "",
                              string_of (education->pdata[i], "graduated") ?: "");

      add_row (group, _ ("Education"), text);
    }
  for (guint i = 0; i < work->len; i++)
    {
      g_autofree char *text = g_strdup_printf (
        "%s · %s – %s", string_of (work->pdata[i], "employer") ?: "",
        string_of (work->pdata[i], "from") ?: "", string_of (work->pdata[i], "to") ?: _ ("now"));

      add_row (group, _ ("Work"), text);
    }
}

typedef struct
{
  GtkWidget *picture;
  GtkWidget *status;
} PhotoDownload;

static void
photo_download_free (PhotoDownload *download)
{
  g_object_unref (download->picture);
  g_object_unref (download->status);
  g_free (download);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhotoDownload, photo_download_free)

/* The photo's bytes stay in memory: a texture, never a file. */
static void
photo_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PhotoDownload) download = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes)
    bytes = bk_staff_client_download_photo_finish (BK_STAFF_CLIENT (source), result, &error);
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *message = NULL;
  g_autofree char *code = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture != NULL)
    {
      gtk_picture_set_paintable (GTK_PICTURE (download->picture), GDK_PAINTABLE (texture));
      gtk_widget_set_visible (download->status, FALSE);
      return;
    }
  if (error != NULL && error->domain == BK_SYNC_ERROR)
    code = bk_sync_error_dup_server_code (error);
  if (g_strcmp0 (code, "not_found") == 0)
    message = g_strdup (_ ("The server has no file of this photo yet: ask the candidate to open "
                           "Baokao and sync, which uploads it, then open this application again."));
  else if (bytes == NULL)
    message = bk_staff_labels_describe_error (error);
  else
    message =
      g_strdup (_ ("The photo file cannot be shown: ask the candidate to send a new photo."));
  gtk_widget_set_visible (download->picture, FALSE);
  gtk_label_set_text (GTK_LABEL (download->status), message);
}

/* The photo as the application shows it (the standardised one, else the
 * original), fetched from the server, beside the server's check of it. */
static void
show_photo (BkStaffApplicationView *self, JsonObject *profile, JsonArray *records)
{
  GtkWidget *group = add_group (self, _ ("Photo"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *checks = adw_preferences_group_new ();
  g_autoptr (GPtrArray) photos = payloads_of (records, "photo");
  JsonObject *verdict = NULL;
  const char *shown_id = NULL;

  for (guint i = 0; i < photos->len; i++)
    if (g_strcmp0 (string_of (photos->pdata[i], "kind"), "original") == 0 ||
        (verdict == NULL && object_of (photos->pdata[i], "verdict") != NULL))
      verdict = object_of (photos->pdata[i], "verdict");
  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_strcmp0 (string_of (record, "entity"), "photo") == 0 &&
          (shown_id == NULL ||
           g_strcmp0 (string_of (object_of (record, "payload"), "kind"), "standardised") == 0))
        shown_id = string_of (record, "id");
    }
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _ ("Compare the photo with the candidate and their ID document at the point."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  if (shown_id != NULL)
    {
      PhotoDownload *download = g_new0 (PhotoDownload, 1);
      g_autofree char *name = g_strdup_printf (_ ("Photo of %s"),
                                               string_of (profile, "real_name") ?: "");
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      download->picture = g_object_ref_sink (gtk_picture_new ());
      download->status = g_object_ref_sink (gtk_label_new (_ ("Fetching the photo…")));
      gtk_picture_set_content_fit (GTK_PICTURE (download->picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_alternative_text (GTK_PICTURE (download->picture), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (download->picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_size_request (download->picture, 148, 207);
      gtk_label_set_wrap (GTK_LABEL (download->status), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (download->status), 24);
      gtk_widget_add_css_class (download->status, "dim-label");
      gtk_box_append (GTK_BOX (column), download->picture);
      gtk_box_append (GTK_BOX (column), download->status);
      gtk_box_append (GTK_BOX (box), column);
      bk_staff_client_download_photo_async (self->client, shown_id, self->cancellable, photo_cb,
                                            download);
    }
  gtk_widget_set_hexpand (checks, TRUE);
  gtk_box_append (GTK_BOX (box), checks);
  if (verdict == NULL)
    add_row (checks, _ ("Server's Check"),
             photos->len == 0 ? _ ("No photo was sent: ask the candidate to add one.")
                              : _ ("Not checked yet: the photo file was not uploaded."));
  else
    {
      JsonNode *accepted = json_object_get_member (verdict, "accepted");
      g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT,
                                               int_of (verdict, "width", 0),
                                               int_of (verdict, "height", 0));

      add_row (checks, _ ("Server's Check"),
               accepted != NULL && JSON_NODE_HOLDS_VALUE (accepted) &&
                   json_node_get_value_type (accepted) == G_TYPE_BOOLEAN &&
                   json_node_get_boolean (accepted)
                 ? _ ("Passed every photo check")
                 : _ ("Refused: ask the candidate for a new photo"));
      add_row (checks, _ ("Size in Pixels"), size);
    }
}

/* The verdict of core's rules on the records as pushed: the same
 * judgement the server's automatic check made, worked out here again. */
static void
show_eligibility (BkStaffApplicationView *self,
                  JsonObject *application,
                  JsonObject *profile,
                  JsonArray *records)
{
  GtkWidget *group = add_group (self, _ ("Eligibility, Worked Out Again"));
  g_autoptr (GPtrArray) education = payloads_of (records, "education");
  g_autoptr (GPtrArray) work = payloads_of (records, "work_period");
  BkExamSession *session = bk_sessions_lookup (string_of (application, "session_id"));
  g_autoptr (BkProfile) rebuilt = NULL;
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;
  g_autoptr (BkEligibilityVerdict) verdict = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *server = object_of (application, "verdict");
  BkExamMode mode = BK_EXAM_MODE_ALL;

  bk_exam_mode_from_nick (string_of (application, "mode"), &mode);
  if (profile != NULL && session != NULL)
    {
      rebuilt = bk_profile_new_from_records (profile, education, work);
      eligibility_case = bk_profile_to_eligibility_case (
        rebuilt, bk_exam_session_get_id (session), (guint) int_of (application, "level", 0), mode);
      verdict = bk_eligibility_evaluate (session, eligibility_case, &error);
    }
  if (verdict != NULL)
    text = bk_staff_labels_verdict (verdict);
  else
    text = g_strdup (_ ("This computer cannot judge it (unknown session or level): decide from "
                        "the records and the proofs."));
  add_row (group, verdict != NULL && verdict->eligible ? _ ("Eligible") : _ ("Not Eligible"), text);
  if (server != NULL)
    add_row (group, _ ("Route of the Server's Check"),
             bk_staff_labels_route (string_of (server, "route")));
}

static void
show_decisions (BkStaffApplicationView *self, JsonObject *application)
{
  JsonNode *node = json_object_get_member (application, "decisions");
  JsonArray *decisions = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                      : NULL;
  GtkWidget *group;

  if (decisions == NULL || json_array_get_length (decisions) == 0)
    return;
  group = add_group (self, _ ("Decisions So Far"));
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonObject *d = json_array_get_object_element (decisions, i);
      g_autofree char *text = g_strdup_printf (
        "%s · %s%s%s", bk_staff_labels_reason (string_of (d, "reason")) ?: "",
        string_of (d, "at") ?: "", string_of (d, "text") ? " · " : "", string_of (d, "text") ?: "");

      add_row (group, bk_staff_labels_decision (string_of (d, "decision")) ?: "", text);
    }
}

/* Proofs */

typedef struct
{
  BkStaffApplicationView *self; /* weak: the cancellable ends the download first */
  BkStaffProofView *view;
} ProofDownload;

static void
proof_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree ProofDownload *download = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr (GBytes) bytes = bk_staff_client_download_proof_finish (BK_STAFF_CLIENT (source),
                                                                    result, &content_type, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (download->view);
      return;
    }
  if (bytes == NULL)
    {
      message = bk_staff_labels_describe_error (error);
      bk_staff_proof_view_show_error (download->view, message);
    }
  else if (bk_staff_proof_view_show (download->view, bytes, content_type) > 0)
    g_signal_emit (download->self, signals[PROOF_SHOWN], 0);
  g_object_unref (download->view);
}

static void
show_proofs (BkStaffApplicationView *self, JsonArray *records)
{
  GtkWidget *group = add_group (self, _ ("Proofs"));
  guint n = 0;

  for (guint i = 0; records != NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      JsonObject *payload = object_of (record, "payload");
      ProofDownload *download;
      GtkWidget *view;
      g_autofree char *title = NULL;
      const char *kind;

      if (g_strcmp0 (string_of (record, "entity"), "proof") != 0 || payload == NULL)
        continue;
      kind = string_of (payload, "kind") != NULL
               ? bk_proof_kind_get_display_name (string_of (payload, "kind"))
               : _ ("Proof");
      title = string_of (payload, "file_name") != NULL
                ? g_strdup_printf ("%s · %s", kind, string_of (payload, "file_name"))
                : g_strdup (kind);
      view = bk_staff_proof_view_new (title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), view);
      download = g_new0 (ProofDownload, 1);
      download->self = self;
      download->view = g_object_ref (BK_STAFF_PROOF_VIEW (view));
      bk_staff_client_download_proof_async (self->client, string_of (record, "id"),
                                            self->cancellable, proof_cb, download);
      n++;
    }
  if (n == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _ ("The candidate has sent no proofs."));
}

/* Decide, pay */

static void
moved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffApplicationView *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    answer = bk_staff_client_object_finish (BK_STAFF_CLIENT (source), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->send != NULL)
    gtk_widget_set_sensitive (self->send, TRUE);
  if (answer == NULL)
    {
      message = bk_staff_labels_describe_error (error);
      say (self, message);
      return;
    }
  self->version = int_of (answer, "version", self->version);
  /* TRANSLATORS: %s is the application's new state, e.g. "Manual check passed" */
  message = g_strdup_printf (_ ("Done: the application is now “%s”. The candidate sees it at "
                                "their next sync."),
                             bk_staff_labels_state (string_of (answer, "state")));
  say (self, message);
  if (self->send != NULL)
    gtk_widget_set_sensitive (self->send, FALSE);
  g_signal_emit (self, signals[MOVED], 0);
}

static void
send_decision_cb (BkStaffApplicationView *self)
{
  guint decision = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->decision));
  guint reason = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->reason));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note))));
  const char *reason_code = bk_staff_reasons[reason];

  if (g_str_equal (reason_code, "other") && *note == '\0')
    {
      say (self, _ ("Say in the note what the reason is, then send the decision again."));
      return;
    }
  gtk_widget_set_sensitive (self->send, FALSE);
  say (self, _ ("Sending the decision…"));
  bk_staff_client_decide_async (self->client, self->application_id, self->version,
                                bk_staff_decisions[decision], reason_code, note, self->cancellable,
                                moved_cb, self);
}

static void
send_payment_cb (BkStaffApplicationView *self)
{
  g_autofree char *receipt =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->receipt))));
  g_autofree char *amount =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount))));

  if (*receipt == '\0' || *amount == '\0')
    {
      say (self, _ ("Enter the receipt number and the amount paid, then record the payment."));
      return;
    }
  gtk_widget_set_sensitive (self->send, FALSE);
  say (self, _ ("Recording the payment…"));
  bk_staff_client_pay_async (self->client, self->application_id, self->version, receipt, amount,
                             self->cancellable, moved_cb, self);
}

static GtkWidget *
drop_down (const char *const *codes, const char *(*label) (const char *), const char *name)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *widget;

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (strings, label (codes[i]));
  widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return widget;
}

static GtkWidget *
labelled_row (GtkWidget *group, const char *title, GtkWidget *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
entry (const char *name)
{
  GtkWidget *widget = gtk_entry_new ();

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return widget;
}

static void
add_send (BkStaffApplicationView *self, GtkWidget *group, const char *label, GCallback callback)
{
  self->send = gtk_button_new_with_label (label);
  gtk_widget_add_css_class (self->send, "suggested-action");
  gtk_widget_set_halign (self->send, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->send, 12);
  g_signal_connect_swapped (self->send, "clicked", callback, self);
  self->result = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->result), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->result), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Result"), -1);
  gtk_box_append (GTK_BOX (self->box), self->send);
  gtk_box_append (GTK_BOX (self->box), self->result);
}

static void
show_actions (BkStaffApplicationView *self)
{
  GtkWidget *group;

  if (self->queue == NULL)
    return;
  if (g_str_equal (self->queue, "payment-due"))
    {
      group = add_group (self, _ ("Record a Payment"));
      self->receipt = entry (_ ("Receipt Number"));
      labelled_row (group, _ ("Receipt Number"), self->receipt);
      self->amount = entry (_ ("Amount in Yuan"));
      labelled_row (group, _ ("Amount in Yuan"), self->amount);
      add_send (self, group, _ ("Record Payment"), G_CALLBACK (send_payment_cb));
      return;
    }
  group = add_group (self, _ ("Decision"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _ ("The server records your decision with your name and the time; the candidate sees it "
       "and what to do next."));
  self->decision = drop_down (bk_staff_decisions, bk_staff_labels_decision, _ ("Decision"));
  labelled_row (group, _ ("Decision"), self->decision);
  self->reason = drop_down (bk_staff_reasons, bk_staff_labels_reason, _ ("Reason"));
  labelled_row (group, _ ("Reason"), self->reason);
  self->note = entry (_ ("Note to the Candidate"));
  gtk_entry_set_max_length (GTK_ENTRY (self->note), 1000);
  labelled_row (group, _ ("Note to the Candidate"), self->note);
  add_send (self, group, _ ("Send Decision"), G_CALLBACK (send_decision_cb));
}

/* Opening */

static void
read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffApplicationView *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    answer = bk_staff_client_object_finish (BK_STAFF_CLIENT (source), result, &error);
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) profiles = NULL;
  JsonObject *application, *profile;
  JsonNode *records_node;
  JsonArray *records;
  GtkWidget *title;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_box (self);
  if (answer == NULL)
    {
      message = bk_staff_labels_describe_error (error);
      gtk_box_append (GTK_BOX (self->box), gtk_label_new (message));
      return;
    }
  application = object_of (answer, "application");
  records_node = json_object_get_member (answer, "records");
  records = records_node != NULL && JSON_NODE_HOLDS_ARRAY (records_node)
              ? json_node_get_array (records_node)
              : NULL;
  profiles = payloads_of (records, "profile");
  profile = profiles->len > 0 ? profiles->pdata[0] : NULL;
  self->version = int_of (answer, "version", 0);
  g_free (self->queue);
  self->queue = g_strdup (string_of (answer, "queue"));

  title = gtk_label_new (string_of (profile, "real_name") ?: "");
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (self->box), title);
  {
    g_autofree char *state =
      g_strdup_printf ("%s%s%s", bk_staff_labels_state (string_of (application, "state")),
                       self->queue != NULL ? " · " : "",
                       self->queue != NULL ? bk_staff_labels_queue (self->queue) : "");
    GtkWidget *subtitle = gtk_label_new (state);

    gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
    gtk_widget_add_css_class (subtitle, "dim-label");
    gtk_box_append (GTK_BOX (self->box), subtitle);
  }
  show_candidate (self, profile, records);
  show_photo (self, profile, records);
  if (application != NULL)
    {
      show_eligibility (self, application, profile, records);
      show_decisions (self, application);
    }
  show_proofs (self, records);
  show_actions (self);
  g_signal_emit (self, signals[LOADED], 0);
}

void
bk_staff_application_view_open (BkStaffApplicationView *self, const char *application_id)
{
  GtkWidget *spinner;

  g_return_if_fail (BK_IS_STAFF_APPLICATION_VIEW (self));
  g_return_if_fail (application_id != NULL);

  bk_staff_application_view_clear (self);
  clear_box (self);
  self->application_id = g_strdup (application_id);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_box_append (GTK_BOX (self->box), spinner);
  bk_staff_client_read_async (self->client, application_id, self->cancellable, read_cb, self);
}

const char *
bk_staff_application_view_get_application_id (BkStaffApplicationView *self)
{
  g_return_val_if_fail (BK_IS_STAFF_APPLICATION_VIEW (self), NULL);
  return self->application_id;
}

void
bk_staff_application_view_clear (BkStaffApplicationView *self)
{
  g_return_if_fail (BK_IS_STAFF_APPLICATION_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clear_box (self);
  gtk_box_append (GTK_BOX (self->box),
                  gtk_label_new (_ ("Choose an application in the list to review it.")));
  g_clear_pointer (&self->application_id, g_free);
  g_clear_pointer (&self->queue, g_free);
  self->version = 0;
}

static void
bk_staff_application_view_dispose (GObject *object)
{
  BkStaffApplicationView *self = BK_STAFF_APPLICATION_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_pointer (&self->application_id, g_free);
  g_clear_pointer (&self->queue, g_free);
  G_OBJECT_CLASS (bk_staff_application_view_parent_class)->dispose (object);
}

static void
bk_staff_application_view_class_init (BkStaffApplicationViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_staff_application_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  signals[PROOF_SHOWN] = g_signal_new ("proof-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
}

static void
bk_staff_application_view_init (BkStaffApplicationView *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->cancellable = g_cancellable_new ();
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_box_append (GTK_BOX (self->box),
                  gtk_label_new (_ ("Choose an application in the list to review it.")));
}

GtkWidget *
bk_staff_application_view_new (BkStaffClient *client)
{
  BkStaffApplicationView *self;

  g_return_val_if_fail (BK_IS_STAFF_CLIENT (client), NULL);

  self = g_object_new (BK_TYPE_STAFF_APPLICATION_VIEW, NULL);
  self->client = g_object_ref (client);
  return GTK_WIDGET (self);
}
