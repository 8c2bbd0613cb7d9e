/* test-application-page.c — the Application step's proofs: a file chosen
 * through "application.add-proof-file" is read off the main thread and
 * attached to the application it was chosen for, never to another one,
 * and a file too large for a proof is refused with a message; the
 * deadlines are written as the candidate reads them; the commitment is
 * signed only with the profile's own password, typed into its dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bk-application-page.h"
#include "bk-exam-application.h"
#include "bk-password.h"
#include "bk-profile.h"
#include "bk-step-page.h"
#include "bk-test-widgets.h"

#define SESSION "shanghai-2026"

typedef struct
{
  char *dir;
  GtkWindow *window;
  BkApplicationPage *page;
  BkProfile *profile;
  BkExamApplication *application;
  guint changed;
  char *error;
} Fixture;

static void
changed_cb (BkStepPage *page, Fixture *fixture)
{
  fixture->changed++;
}

static void
error_cb (BkStepPage *page, const char *message, Fixture *fixture)
{
  g_free (fixture->error);
  fixture->error = g_strdup (message);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-application-page-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->profile = bk_profile_new ();
  bk_profile_set_real_name (fixture->profile, "张三");
  fixture->application = bk_exam_application_new (bk_profile_get_id (fixture->profile), SESSION, 1,
                                                  BK_EXAM_MODE_EXEMPT);
  fixture->page = g_object_ref_sink (g_object_new (BK_TYPE_APPLICATION_PAGE, NULL));
  g_signal_connect (fixture->page, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->page, "error", G_CALLBACK (error_cb), fixture);
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), fixture->profile);
  bk_step_page_set_application (BK_STEP_PAGE (fixture->page), fixture->application);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->page);
  g_assert_finalize_object (fixture->application);
  g_assert_finalize_object (fixture->profile);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
  g_free (fixture->error);
}

/* A file of @size bytes (sparse: quick to make, whatever the size). */
static char *
make_file (Fixture *fixture, const char *name, gsize size)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  fputs ("%PDF-1.4\n", file);
  g_assert_cmpint (fseek (file, size - 1, SEEK_SET), ==, 0);
  fputc ('\n', file);
  fclose (file);
  return path;
}

static void
add_proof_file (Fixture *fixture, const char *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "application.add-proof-file", "s", path));
}

static guint
n_proofs (BkExamApplication *application)
{
  return g_list_model_get_n_items (bk_exam_application_get_proofs (application));
}

/* Runs the main loop until @done or 5 s (1 s without @done); the file
 * reads run in GIO's threads and answer here. */
static void
spin_until (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + (done != NULL ? 5 : 1) * G_USEC_PER_SEC;

  while ((done == NULL || !done (fixture)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_proof (Fixture *fixture)
{
  return n_proofs (fixture->application) > 0;
}

static gboolean
has_error (Fixture *fixture)
{
  return fixture->error != NULL;
}

static void
test_proof_added (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *path = make_file (fixture, "工作证明.pdf", 200 * 1024);
  g_autoptr (BkProofEntry) proof = NULL;

  add_proof_file (fixture, path);
  spin_until (has_proof, fixture);
  g_assert_cmpuint (n_proofs (fixture->application), ==, 1);
  proof = g_list_model_get_item (bk_exam_application_get_proofs (fixture->application), 0);
  g_assert_cmpstr (bk_proof_entry_get_file_name (proof), ==, "工作证明.pdf");
  g_assert_cmpuint (g_bytes_get_size (bk_proof_entry_get_bytes (proof)), ==, 200 * 1024);
  g_assert_cmpuint (fixture->changed, >, 0);
  g_assert_null (fixture->error);
}

/* The help desk switches to another candidate (the workspace gives the
 * page another profile and application) while a proof is still being
 * read: it must land in no one's application. */
static void
test_proof_not_attached_to_another_candidate (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *path = make_file (fixture, "工作证明.pdf", 2 * 1024 * 1024);
  g_autoptr (BkProfile) other = bk_profile_new ();
  g_autoptr (BkExamApplication) other_application = NULL;
  guint changed;

  bk_profile_set_real_name (other, "李四");
  other_application = bk_exam_application_new (bk_profile_get_id (other), SESSION, 1,
                                               BK_EXAM_MODE_EXEMPT);

  add_proof_file (fixture, path);
  changed = fixture->changed;
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), other);
  bk_step_page_set_application (BK_STEP_PAGE (fixture->page), other_application);

  /* Long enough for the read to have answered, had it not been stopped. */
  spin_until (NULL, fixture);
  g_assert_cmpuint (n_proofs (other_application), ==, 0);
  g_assert_cmpuint (n_proofs (fixture->application), ==, 0);
  g_assert_cmpuint (fixture->changed, ==, changed);
  g_assert_null (fixture->error);

  /* Back on the first candidate, and the page still works. */
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), fixture->profile);
  bk_step_page_set_application (BK_STEP_PAGE (fixture->page), fixture->application);
  add_proof_file (fixture, path);
  spin_until (has_proof, fixture);
  g_assert_cmpuint (n_proofs (fixture->application), ==, 1);
  g_assert_cmpuint (n_proofs (other_application), ==, 0);
}

/* A proof is a scan or a PDF of a certificate; a file over 10 MB is
 * refused before it is read, with a message that says what to do. */
static void
test_proof_too_large (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *path = make_file (fixture, "扫描件.pdf", 12 * 1000 * 1000);
  g_autofree char *just_over = make_file (fixture, "扫描件2.pdf", 10 * 1000 * 1000 + 1);
  g_autofree char *just_fits = make_file (fixture, "工作证明.pdf", 10 * 1000 * 1000);
  /* As the message writes sizes (GLib puts a no-break space before the unit). */
  g_autofree char *limit = g_format_size (10 * 1000 * 1000);
  g_autofree char *size = g_format_size (12 * 1000 * 1000);

  add_proof_file (fixture, path);
  spin_until (has_error, fixture);
  g_assert_nonnull (fixture->error);
  g_test_message ("%s", fixture->error);
  g_assert_nonnull (strstr (fixture->error, "扫描件.pdf"));
  g_assert_nonnull (strstr (fixture->error, limit));
  g_assert_nonnull (strstr (fixture->error, size));
  g_assert_cmpuint (n_proofs (fixture->application), ==, 0);

  g_clear_pointer (&fixture->error, g_free);
  add_proof_file (fixture, just_over);
  spin_until (has_error, fixture);
  g_assert_nonnull (fixture->error);
  g_assert_cmpuint (n_proofs (fixture->application), ==, 0);

  g_clear_pointer (&fixture->error, g_free);
  add_proof_file (fixture, just_fits);
  spin_until (has_proof, fixture);
  g_assert_cmpuint (n_proofs (fixture->application), ==, 1);
  g_assert_null (fixture->error);
}

/* The subtitles of every row on the page, one per line. */
static void
collect_subtitles (GtkWidget *widget, GString *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_subtitles (child, out);
}

/* A window that ends at midnight ends "the day before at 24:00", as the
 * status page and the notices say it: Liaoning's registration ends at
 * 2020-08-25T00:00, which a candidate reads as the 25th being open. */
static void
test_deadline_at_midnight (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (BkExamApplication) liaoning = bk_exam_application_new (
    bk_profile_get_id (fixture->profile), "liaoning-2020", 1, BK_EXAM_MODE_EXEMPT);
  g_autoptr (GString) subtitles = g_string_new (NULL);

  bk_step_page_set_application (BK_STEP_PAGE (fixture->page), liaoning);
  collect_subtitles (GTK_WIDGET (fixture->page), subtitles);
  g_test_message ("%s", subtitles->str);
  g_assert_nonnull (strstr (subtitles->str, "2020-08-24 24:00"));
  g_assert_null (strstr (subtitles->str, "2020-08-25 00:00"));
  /* Its scores window has no end: said so, not drawn from a missing date. */
  g_assert_nonnull (strstr (subtitles->str, "From "));
  bk_step_page_set_application (BK_STEP_PAGE (fixture->page), fixture->application);
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type, const char *label)
{
  const char *text = NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (GTK_IS_BUTTON (widget))
        text = gtk_button_get_label (GTK_BUTTON (widget));
      else if (ADW_IS_PREFERENCES_ROW (widget))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      if (label == NULL || g_strcmp0 (text, label) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The password dialog over the page's window, or NULL. */
static AdwMessageDialog *
password_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == fixture->window)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_password_dialog (Fixture *fixture)
{
  return password_dialog (fixture) != NULL;
}

static void
answer_password (Fixture *fixture, const char *password)
{
  AdwMessageDialog *dialog = password_dialog (fixture);
  g_autoptr (GtkWidget) entry = NULL;

  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Type it yourself"));
  entry = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, "Password");
  g_assert_nonnull (entry);
  g_object_ref (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  adw_message_dialog_response (dialog, "accept");
  /* Its buttons close it; adw_message_dialog_response() does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The page hears the answer from the main loop. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Signing the commitment is the candidate's own act: the typed name is
 * not enough, a wrong password signs nothing, the profile's password
 * signs. (A help desk may have typed everything else.) */
static void
test_commitment_needs_password (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = bk_password_hash ("candidate's own", &error);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkWidget *use, *signature, *sign;
  g_autoptr (GString) texts = g_string_new (NULL);

  g_assert_no_error (error);
  g_setenv ("BAOKAO_NOW", "2026-04-08T09:00:00+08:00", TRUE);
  bk_profile_set_password_hash (fixture->profile, hash);
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), fixture->profile);
  use = find_widget (page, GTK_TYPE_TOGGLE_BUTTON, "I will use the commitment system");
  signature = find_widget (page, ADW_TYPE_ENTRY_ROW, "Type your real name to sign");
  sign = bk_test_find_button (page, "_Sign");
  g_assert_nonnull (use);
  g_assert_nonnull (signature);
  g_assert_nonnull (sign);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (use), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (signature), "张三");
  g_assert_true (gtk_widget_get_sensitive (sign));
  g_signal_emit_by_name (sign, "clicked");
  spin_until (has_password_dialog, fixture);
  /* The name alone signs nothing: the dialog asks for the password. */
  g_assert_cmpint (bk_exam_application_get_commitment (fixture->application), ==,
                   BK_COMMITMENT_UNSET);

  answer_password (fixture, "the staff member's");
  g_assert_cmpint (bk_exam_application_get_commitment (fixture->application), ==,
                   BK_COMMITMENT_UNSET);
  bk_test_collect_texts (page, texts);
  g_assert_nonnull (strstr (texts->str, "That is not your password."));

  g_signal_emit_by_name (sign, "clicked");
  spin_until (has_password_dialog, fixture);
  answer_password (fixture, "candidate's own");
  g_assert_cmpint (bk_exam_application_get_commitment (fixture->application), ==,
                   BK_COMMITMENT_YES);
  g_unsetenv ("BAOKAO_NOW");
}

int
main (int argc, char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's icon theme from
   * XDG_DATA_DIRS; the files go to a temporary directory. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/application-page/proof-added", Fixture, NULL, fixture_set_up, test_proof_added,
              fixture_tear_down);
  g_test_add ("/ui/application-page/proof-not-attached-to-another-candidate", Fixture, NULL,
              fixture_set_up, test_proof_not_attached_to_another_candidate, fixture_tear_down);
  g_test_add ("/ui/application-page/proof-too-large", Fixture, NULL, fixture_set_up,
              test_proof_too_large, fixture_tear_down);
  g_test_add ("/ui/application-page/commitment-needs-password", Fixture, NULL, fixture_set_up,
              test_commitment_needs_password, fixture_tear_down);
  g_test_add ("/ui/application-page/deadline-at-midnight", Fixture, NULL, fixture_set_up,
              test_deadline_at_midnight, fixture_tear_down);

  return g_test_run ();
}
