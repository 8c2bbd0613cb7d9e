/* test-ticket-step-page.c — the candidate's own admission ticket: the step
 * appears in the workspace once the server's copy of the application in
 * the store (as a pull writes it) holds a signed ticket of this profile;
 * it is verified, shown with the profile's photo, and printed or saved
 * only within the session's printing window, which it explains outside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-admission-ticket.h"
#include "bk-clock.h"
#include "bk-i18n.h"
#include "bk-remote-change.h"
#include "bk-step-page.h"
#include "bk-store.h"
#include "bk-test-profiles.h"
#include "bk-test-spin.h"
#include "bk-test-tickets.h"
#include "bk-test-widgets.h"
#include "bk-ticket-sheet.h"
#include "bk-ticket-step-page.h"
#include "bk-workspace.h"

#define DURING "2026-06-11T10:00:00+08:00"

/* A store in a temporary folder with 李四's profile (a real standardised
 * photo of the photo corpus) and a confirmed-looking application. */
typedef struct
{
  char *dir;
  BkStore *store;
  BkProfile *profile;
  BkExamApplication *application;
  gint64 version; /* of the next copy pulled */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *db = NULL;
  g_autoptr (GBytes) photo = bk_test_ticket_photo ();
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("baokao-test-ticket-step-XXXXXX", NULL);
  db = g_build_filename (f->dir, "baokao.db", NULL);
  f->store = bk_store_open (db, &error);
  g_assert_no_error (error);
  f->profile = bk_test_profile_new ("lisi");
  bk_profile_set_photo (f->profile, photo, "photo.jpg", photo, TRUE, NULL);
  g_assert_true (bk_store_save_profile (f->store, f->profile, &error));
  f->application = bk_exam_application_new (bk_profile_get_id (f->profile), "shanghai-2026", 1,
                                            BK_EXAM_MODE_ALL);
  bk_exam_application_set_point_code (f->application, "2916");
  g_assert_true (bk_store_save_application (f->store, f->application, &error));
  f->version = 5;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  bk_clock_set_now (NULL);
  g_clear_object (&f->application);
  g_clear_object (&f->profile);
  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The server's copy of the application as a pull brings it, with a
 * `ticket` member holding @signed_text (NULL: none yet). */
static void
pull_copy (Fixture *f, const char *signed_text)
{
  g_autofree char *json = bk_exam_application_to_json (f->application);
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  JsonObject *payload = json_node_get_object (node);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  g_autoptr (GError) error = NULL;

  json_object_set_string_member (payload, "state", "confirmed");
  if (signed_text != NULL)
    {
      JsonObject *ticket = json_object_new ();

      json_object_set_string_member (ticket, "signed", signed_text);
      json_object_set_string_member (ticket, "number", "312610201207");
      json_object_set_object_member (payload, "ticket", ticket);
    }
  text = json_to_string (node, FALSE);
  g_ptr_array_add (changes,
                   bk_remote_change_new ("application", bk_exam_application_get_id (f->application),
                                         "update", f->version++, text));
  g_assert_true (
    bk_store_apply_pulled (f->store, bk_profile_get_id (f->profile), changes, f->version, &error));
  g_assert_no_error (error);
}

static void
pull_own_ticket (Fixture *f)
{
  g_autofree char *text = bk_test_ticket_sign (bk_profile_get_real_name (f->profile),
                                               bk_profile_get_id_number (f->profile));

  pull_copy (f, text);
}

static void
loaded_cb (BkTicketStepPage *page, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Reads the ticket again, as after a sync, and waits until it is read. */
static void
reload (BkTicketStepPage *page)
{
  guint loaded = 0;
  gulong id = g_signal_connect (page, "loaded", G_CALLBACK (loaded_cb), &loaded);

  bk_ticket_step_page_reload (page);
  BK_TEST_SPIN_UNTIL (loaded > 0);
  g_signal_handler_disconnect (page, id);
}

/* The page on its own, for @f's profile and application, read at @iso. */
static BkTicketStepPage *
page_at (Fixture *f, const char *iso)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  BkTicketStepPage *page = g_object_ref_sink (g_object_new (BK_TYPE_TICKET_STEP_PAGE, NULL));

  bk_clock_set_now (now);
  bk_ticket_step_page_set_store (page, f->store);
  bk_step_page_set_profile (BK_STEP_PAGE (page), f->profile);
  bk_step_page_set_application (BK_STEP_PAGE (page), f->application);
  reload (page);
  return page;
}

static char *
texts_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  bk_test_collect_texts (widget, out);
  return g_string_free (out, FALSE);
}

static gboolean
can_save (GtkWidget *page)
{
  GtkWidget *save = bk_test_find_button (page, "_Save as PDF…");

  return save != NULL && gtk_widget_is_sensitive (save) && gtk_widget_is_visible (save);
}

static GtkWidget *
find_of_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The names of the sidebar's rows a person sees. */
static gboolean
sidebar_shows (GtkWidget *workspace, const char *title)
{
  GtkWidget *list = find_of_type (workspace, GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *shown = texts_of (row);

      if (gtk_widget_get_visible (row) && strstr (shown, title) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Shows @name, coming from another step (the Next button follows). */
static void
show_step (GtkStack *steps, const char *name)
{
  gtk_stack_set_visible_child_name (steps, "account");
  gtk_stack_set_visible_child_name (steps, name);
}

/* In the workspace: no step for the ticket until a pull brings one, then
 * the step "7. Admission Ticket", which the Next button reaches. */
static void
test_workspace_step (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (DURING, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BkWorkspace *workspace = BK_WORKSPACE (g_object_new (BK_TYPE_WORKSPACE, NULL));
  BkTicketStepPage *page;
  GtkStack *steps;
  guint loaded = 0;

  bk_clock_set_now (now);
  gtk_window_set_default_size (window, 1000, 760);
  gtk_window_set_child (window, GTK_WIDGET (workspace));
  page = BK_TICKET_STEP_PAGE (find_of_type (GTK_WIDGET (workspace), BK_TYPE_TICKET_STEP_PAGE));
  g_assert_nonnull (page);
  g_signal_connect (page, "loaded", G_CALLBACK (loaded_cb), &loaded);
  bk_workspace_set_store (workspace, f->store);
  bk_workspace_set_profile (workspace, f->profile);
  gtk_window_present (window);
  BK_TEST_SPIN_UNTIL (loaded > 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_true (sidebar_shows (GTK_WIDGET (workspace), "6. Status"));
  g_assert_false (sidebar_shows (GTK_WIDGET (workspace), "Admission Ticket"));

  /* A pull without a ticket changes nothing; one with it shows the step. */
  pull_copy (f, NULL);
  reload (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page)));
  steps = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)));
  show_step (steps, "status");
  g_assert_nonnull (bk_test_find_button (GTK_WIDGET (workspace), "_Next Step"));
  pull_own_ticket (f);
  reload (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_true (sidebar_shows (GTK_WIDGET (workspace), "7. Admission Ticket"));
  /* The candidate on the last step sees the new one at once. */
  g_assert_nonnull (bk_test_find_button (GTK_WIDGET (workspace), "_Next: 7. Admission Ticket"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.next-step", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (steps), ==, "ticket");
  g_assert_true (can_save (GTK_WIDGET (page)));

  gtk_window_destroy (window);
}

/* The printing window's rule as the candidate reads it, at three times. */
static void
test_printing_window (Fixture *f, gconstpointer data)
{
  const char *times[] = { "2026-06-01T10:00:00+08:00", DURING, "2026-06-13T08:00:00+08:00" };
  const char *says[] = { "Printing opens on", "Print the ticket before", "Printing closed" };
  const gboolean saves[] = { FALSE, TRUE, FALSE };

  pull_own_ticket (f);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (BkTicketStepPage) page = page_at (f, times[i]);
      g_autofree char *shown = texts_of (GTK_WIDGET (page));

      g_test_message ("%s:\n%s", times[i], shown);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
      g_assert_nonnull (strstr (shown, "has issued your admission ticket"));
      /* In words too, for a screen reader: where, and when each subject starts. */
      g_assert_nonnull (strstr (shown, "Ticket number 312610201207"));
      g_assert_nonnull (strstr (shown, "Room 012, seat 07"));
      g_assert_nonnull (
        strstr (shown, "1. Metrology law and general knowledge — 2026-06-13 09:00"));
      g_assert_nonnull (strstr (shown, says[i]));
      g_assert_cmpint (can_save (GTK_WIDGET (page)), ==, saves[i]);
      if (i == 2)
        g_assert_nonnull (strstr (shown, "given up the exam"));
    }
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  bk_ticket_sheet_save_finish (BK_TICKET_SHEET (source), result, error);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

/* Saved as a PDF with the profile's photo, whose QR code the tool reads
 * back as this ticket (tests/ticket checks the drawing itself). */
static void
test_save (Fixture *f, gconstpointer data)
{
  g_autoptr (BkTicketStepPage) page = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ticket.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *sheet;
  gboolean done = FALSE;
  gsize length;

  pull_own_ticket (f);
  page = page_at (f, DURING);
  sheet = bk_ticket_step_page_get_sheet (page);
  g_object_set_data (G_OBJECT (sheet), "done", &done);
  bk_ticket_sheet_save_async (BK_TICKET_SHEET (sheet), path, saved_cb, &error);
  BK_TEST_SPIN_UNTIL (done);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The photo went in, as its JPEG (a PDF has NULs in its streams). */
  g_assert_true (bk_test_ticket_data_contains (contents, length, "/DCTDecode"));
}

/* A ticket whose signature does not check, or another person's, is not
 * shown as the candidate's: the page says what to do instead. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *text = bk_test_ticket_sign (bk_profile_get_real_name (f->profile),
                                               bk_profile_get_id_number (f->profile));
  g_autofree char *other = bk_test_ticket_sign ("张三丰", "11010519491231002X");
  g_autoptr (BkTicketStepPage) page = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_other = NULL;

  text[strlen (text) - 5] = text[strlen (text) - 5] == 'A' ? 'B' : 'A';
  pull_copy (f, text);
  page = page_at (f, DURING);
  shown = texts_of (GTK_WIDGET (page));
  g_test_message ("%s", shown);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_nonnull (strstr (shown, "could not be checked"));
  g_assert_null (strstr (shown, "has issued your admission ticket"));
  g_assert_false (can_save (GTK_WIDGET (page)));

  pull_copy (f, other);
  reload (page);
  shown_other = texts_of (GTK_WIDGET (page));
  g_test_message ("%s", shown_other);
  g_assert_nonnull (strstr (shown_other, "another ID number"));
  g_assert_false (can_save (GTK_WIDGET (page)));
}

/* Without the standardised photo the ticket shows but does not print. */
static void
test_no_photo (Fixture *f, gconstpointer data)
{
  g_autoptr (BkTicketStepPage) page = NULL;
  g_autofree char *shown = NULL;

  bk_profile_set_photo (f->profile, NULL, NULL, NULL, FALSE, NULL);
  pull_own_ticket (f);
  page = page_at (f, DURING);
  shown = texts_of (GTK_WIDGET (page));
  g_assert_nonnull (strstr (shown, "add your photo in step 3"));
  g_assert_false (can_save (GTK_WIDGET (page)));
}

int
main (int argc, char *argv[])
{
  bk_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ticket-step/workspace", Fixture, NULL, fixture_set_up, test_workspace_step,
              fixture_tear_down);
  g_test_add ("/ticket-step/printing-window", Fixture, NULL, fixture_set_up, test_printing_window,
              fixture_tear_down);
  g_test_add ("/ticket-step/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/ticket-step/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/ticket-step/no-photo", Fixture, NULL, fixture_set_up, test_no_photo,
              fixture_tear_down);
  return g_test_run ();
}
