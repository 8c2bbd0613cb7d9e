/* test-ticket-window.c — a scanned ticket is checked, shown for the
 * invigilator, and printed or saved only within the printing window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "bk-admission-ticket.h"
#include "bk-clock.h"
#include "bk-i18n.h"
#include "bk-store.h"
#include "bk-test-profiles.h"
#include "bk-test-tickets.h"
#include "bk-test-widgets.h"
#include "bk-ticket-sheet.h"
#include "bk-ticket-window.h"

static char *
window_text (BkTicketWindow *window)
{
  GString *out = g_string_new (NULL);

  bk_test_collect_texts (GTK_WIDGET (window), out);
  return g_string_free (out, FALSE);
}

static char *
signed_ticket (void)
{
  return bk_test_ticket_sign ("张三丰", "11010519491231002X");
}

/* A store in a temporary folder with 李四's profile and a real standardised
 * photo (the photo corpus); the ticket of that candidate. */
typedef struct
{
  char *dir;
  BkStore *store;
  char *ticket;
} Candidate;

static void
candidate_init (Candidate *c)
{
  g_autofree char *db = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new ("lisi");
  g_autoptr (GBytes) photo = bk_test_ticket_photo ();
  g_autoptr (GError) error = NULL;

  c->dir = g_dir_make_tmp ("baokao-test-ticket-window-XXXXXX", NULL);
  db = g_build_filename (c->dir, "baokao.db", NULL);
  c->store = bk_store_open (db, &error);
  g_assert_no_error (error);
  bk_profile_set_photo (profile, photo, "photo.jpg", photo, TRUE, NULL);
  g_assert_true (bk_store_save_profile (c->store, profile, &error));
  c->ticket = bk_test_ticket_sign (bk_profile_get_real_name (profile),
                                   bk_profile_get_id_number (profile));
  g_object_set_data (G_OBJECT (c->store), "bk-ticket", c->ticket);
}

static void
candidate_clear (Candidate *c)
{
  g_autoptr (GDir) dir = g_dir_open (c->dir, 0, NULL);
  const char *name;

  g_clear_object (&c->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (c->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (c->dir);
  g_free (c->dir);
  g_free (c->ticket);
}

static gboolean
label_shows (GtkWidget *widget, const char *text)
{
  g_autofree char *shown = window_text (BK_TICKET_WINDOW (widget));

  return strstr (shown, text) != NULL;
}

/* Checks @text at @iso and waits for the photo lookup in @store to find
 * the photo (for a ticket of nobody in @store: lets it run 2 seconds). */
static BkTicketWindow *
window_checking (BkStore *store, const char *text, const char *iso)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  BkTicketWindow *window = bk_ticket_window_new (NULL, store);
  gboolean stranger = strstr (text, "BKT1.") != NULL && store != NULL &&
                      g_strcmp0 (g_object_get_data (G_OBJECT (store), "bk-ticket"), text) != 0;
  gint64 until = g_get_monotonic_time () + (stranger ? 2 : 20) * G_USEC_PER_SEC;

  bk_clock_set_now (now);
  bk_ticket_window_check (window, text);
  while (store != NULL && !label_shows (GTK_WIDGET (window), "Photo from this computer") &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return window;
}

static char *
checked_at (BkStore *store, const char *text, const char *iso, gboolean *can_save)
{
  BkTicketWindow *window = window_checking (store, text, iso);
  GtkWidget *save;
  char *result;

  result = window_text (window);
  save = bk_test_find_button (GTK_WIDGET (window), "_Save as PDF…");
  g_assert_nonnull (save);
  *can_save = gtk_widget_is_sensitive (save) && gtk_widget_get_visible (save);
  gtk_window_destroy (GTK_WINDOW (window));
  bk_clock_set_now (NULL);
  return result;
}

static void
test_valid_ticket_and_window (void)
{
  Candidate c;
  g_autofree char *before = NULL, *during = NULL, *after = NULL, *stranger = NULL;
  g_autofree char *text = signed_ticket ();
  gboolean save_before, save_during, save_after, save_stranger;

  candidate_init (&c);
  before = checked_at (c.store, c.ticket, "2026-06-01T10:00:00+08:00", &save_before);
  during = checked_at (c.store, c.ticket, "2026-06-11T10:00:00+08:00", &save_during);
  after = checked_at (c.store, c.ticket, "2026-06-13T08:00:00+08:00", &save_after);
  /* Nobody on this computer has 张三丰's ID number. */
  stranger = checked_at (c.store, text, "2026-06-11T10:00:00+08:00", &save_stranger);
  g_test_message ("before:\n%s\nduring:\n%s\nafter:\n%s\nstranger:\n%s", before, during, after,
                  stranger);

  for (guint i = 0; i < 3; i++)
    {
      const char *shown = (const char *[]){ before, during, after }[i];

      /* Verified whenever it is scanned: the invigilator checks it at the exam,
       * with the photo of the profile on this computer. */
      g_assert_nonnull (strstr (shown, "Valid admission ticket"));
      g_assert_nonnull (strstr (shown, "李四"));
      g_assert_nonnull (strstr (shown, "312610201207"));
      g_assert_nonnull (strstr (shown, "Room 012, seat 07"));
      g_assert_nonnull (strstr (shown, "Photo from this computer"));
    }
  g_assert_nonnull (strstr (stranger, "张三丰"));
  g_assert_nonnull (strstr (stranger, "11010519491231002X"));
  g_assert_nonnull (strstr (stranger, "no profile with this ID number"));
  /* Without the photo the ticket does not print. */
  g_assert_false (save_stranger);
  g_assert_nonnull (strstr (before, "Printing opens on"));
  g_assert_false (save_before);
  g_assert_nonnull (strstr (during, "Print the ticket before"));
  g_assert_true (save_during);
  g_assert_nonnull (strstr (after, "Printing closed"));
  g_assert_nonnull (strstr (after, "given up the exam"));
  g_assert_false (save_after);
  candidate_clear (&c);
}

static void
test_changed_ticket_refused (void)
{
  g_autofree char *text = signed_ticket ();
  g_autofree char *shown = NULL;
  gboolean can_save;

  text[strlen (text) - 5] = text[strlen (text) - 5] == 'A' ? 'B' : 'A';
  shown = checked_at (NULL, text, "2026-06-11T10:00:00+08:00", &can_save);
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, "Do not admit"));
  g_assert_null (strstr (shown, "张三丰"));
  g_assert_false (can_save);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  bk_ticket_sheet_save_finish (BK_TICKET_SHEET (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static gboolean
save_at (BkTicketWindow *window, const char *path, GError **error)
{
  GtkWidget *sheet = bk_ticket_window_get_sheet (window);
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (sheet), "done", &done);
  bk_ticket_sheet_save_async (BK_TICKET_SHEET (sheet), path, saved_cb, error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return *error == NULL;
}

static void
test_save (void)
{
  Candidate c;
  g_autofree char *path = NULL;
  g_autoptr (GDateTime) after = g_date_time_new_from_iso8601 ("2026-06-13T10:00:00+08:00", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  BkTicketWindow *window;
  gsize length;

  candidate_init (&c);
  path = g_build_filename (c.dir, "ticket.pdf", NULL);
  window = window_checking (c.store, c.ticket, "2026-06-11T10:00:00+08:00");
  g_assert_true (save_at (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The photo went in, as its JPEG. */
  g_assert_true (bk_test_ticket_data_contains (contents, length, "/DCTDecode"));
  g_unlink (path);

  /* Outside the window, nothing is written. */
  bk_clock_set_now (after);
  bk_ticket_window_check (window, c.ticket);
  g_assert_false (save_at (window, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  bk_clock_set_now (NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  candidate_clear (&c);
}

/* What a person sees, kept under the build tree to look at: the window
 * drawn by its own renderer once it has a size. */
static void
test_screenshot (void)
{
  Candidate c;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  /* LANGUAGE=zh_CN … -p /ticket-window/screenshot draws it in Chinese. */
  g_autofree char *name = g_strdup_printf (
    "ticket-window-%s.png",
    g_getenv ("LANGUAGE") != NULL && *g_getenv ("LANGUAGE") != '\0' ? g_getenv ("LANGUAGE") : "en");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  BkTicketWindow *window;
  gint64 until;

  candidate_init (&c);
  window = window_checking (c.store, c.ticket, "2026-06-11T10:00:00+08:00");
  gtk_window_present (GTK_WINDOW (window));
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  bk_clock_set_now (NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  candidate_clear (&c);
}

/* Printing through GtkPrintJob to the CUPS queue that
 * test-ticket-window-print.py set up (CUPS_SERVER, BAOKAO_TEST_CUPS_QUEUE);
 * that script renders what the queue printed and decodes its QR code. */
static void
printed_cb (BkTicketSheet *sheet, gboolean sent, gpointer user_data)
{
  *(int *) user_data = sent ? 1 : 2;
}

/* GTK's CUPS print backend warns that it cannot reach colord (there is no
 * system bus in the test): not our code, and not a failure of printing;
 * every other message goes on as usual (warnings fatal). */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if ((level & G_LOG_LEVEL_WARNING) && g_str_equal (fields[i].key, "MESSAGE") &&
        fields[i].length < 0 && strstr (fields[i].value, "failed to contact colord") != NULL)
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
test_print (void)
{
  const char *queue = g_getenv ("BAOKAO_TEST_CUPS_QUEUE");
  Candidate c;
  BkTicketWindow *window;
  BkTicketSheet *sheet;
  GtkWidget *print;
  int printed = 0;
  gint64 until;

  if (queue == NULL)
    {
      g_test_skip ("run by test-ticket-window-print.py, with its own CUPS queue");
      return;
    }
  candidate_init (&c);
  window = window_checking (c.store, c.ticket, "2026-06-11T10:00:00+08:00");
  sheet = BK_TICKET_SHEET (bk_ticket_window_get_sheet (window));
  g_signal_connect (sheet, "printed", G_CALLBACK (printed_cb), &printed);
  until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!bk_ticket_sheet_select_printer (sheet, queue) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (bk_ticket_sheet_select_printer (sheet, queue));
  print = bk_test_find_button (GTK_WIDGET (window), "_Print");
  g_assert_true (gtk_widget_is_sensitive (print));
  g_signal_emit_by_name (print, "clicked");
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (printed == 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (printed, ==, 1);
  g_assert_true (label_shows (GTK_WIDGET (window), "The ticket was sent to"));
  bk_clock_set_now (NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  candidate_clear (&c);
}

int
main (int argc, char *argv[])
{
  if (g_getenv ("BAOKAO_TEST_CUPS_QUEUE") != NULL)
    g_log_set_writer_func (log_writer, NULL, NULL);
  bk_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ticket-window/valid-and-window", test_valid_ticket_and_window);
  g_test_add_func ("/ticket-window/changed-refused", test_changed_ticket_refused);
  g_test_add_func ("/ticket-window/save", test_save);
  g_test_add_func ("/ticket-window/screenshot", test_screenshot);
  g_test_add_func ("/ticket-window/print", test_print);
  return g_test_run ();
}
