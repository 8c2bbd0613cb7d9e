/* test-status-steps.c — the Status step's later steps against the real
 * baokao-server --dev (started here, its CA pinned, moved through the
 * session's windows with BAOKAO_NOW) and a real store: a staff decision
 * asking for proofs shows with its reason and what to do, and a
 * notification says so; a proof the candidate adds reaches the server
 * (read back through the server's API); a staff pass, then the
 * confirmation window: confirming asks the password and is recorded on
 * the server; after the exam the scores and the certificate window show.
 *
 * usage: test-status-steps BAOKAO_SERVER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "bk-clock.h"
#include "bk-i18n.h"
#include "bk-password.h"
#include "bk-sessions.h"
#include "bk-status-page.h"
#include "bk-status-proofs.h"
#include "bk-step-page.h"
#include "bk-submission.h"
#include "bk-test-profiles.h"
#include "bk-test-spin.h"
#include "bk-test-widgets.h"

#define PASSWORD "correct horse"

static const char *server_binary;

typedef struct
{
  char *dir;
  char *state;
  GSubprocess *process;
  char *url;
  char *ca_file;
  BkHttpClient *http;
} Server;

/* A test that fails leaves no server behind. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
server_start (Server *server, const char *now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *config = g_build_filename (server->dir, "server.conf", NULL);
  g_autoptr (GDataInputStream) out = NULL;

  /* Nobody drawn for the spot check: the test goes straight on. */
  g_file_set_contents (config, "[workflow]\nspot-check-rate=0\n", -1, &error);
  g_assert_no_error (error);
  g_subprocess_launcher_setenv (launcher, "BAOKAO_SERVER_TEST_FAST_HASH", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "BAOKAO_NOW", now, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, server_binary, "--dev", "--port",
                                                 "0", "--state-dir", server->state, "--config",
                                                 config, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  g_free (server->url);
  g_free (server->ca_file);
  server->url = bk_test_spin_read_line (out, "listening on ");
  server->ca_file = bk_test_spin_read_line (out, "CA certificate for clients: ");
  bk_http_client_set_ca_file (server->http, server->ca_file);
}

static void
server_stop (Server *server)
{
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
}

static void
server_admin (Server *server, const char *input, const char *const *args)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *config = g_build_filename (server->dir, "server.conf", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) admin = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (char *) server_binary);
  g_ptr_array_add (argv, "admin");
  g_ptr_array_add (argv, (char *) args[0]);
  g_ptr_array_add (argv, "--state-dir");
  g_ptr_array_add (argv, server->state);
  g_ptr_array_add (argv, "--config");
  g_ptr_array_add (argv, config);
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  admin = g_subprocess_newv ((const char *const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (admin, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("admin %s: %s%s", args[0], out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (admin), ==, 0);
}

/* A request to the server as a person with @token; the answer's body
 * parsed (the test fails on an unexpected status). */
static JsonNode *
request (Server *server,
         const char *method,
         const char *path,
         const char *token,
         const char *body,
         guint expected,
         GBytes **raw)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (BkHttpResponse) response = NULL;
  g_autofree char *root = g_strdup (server->url);
  g_autofree char *url = NULL;
  g_autofree char *authorization = token != NULL
                                     ? g_strconcat ("Authorization: Bearer ", token, NULL)
                                     : NULL;
  const char *headers[] = { "Content-Type: application/json", authorization, NULL };
  g_autoptr (GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (g_str_has_suffix (root, "/"))
    root[strlen (root) - 1] = '\0';
  url = g_strconcat (root, path, NULL);
  bk_http_client_request_async (server->http, method, url, headers, bytes, NULL,
                                bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  response = bk_http_client_request_finish (server->http, result, &error);
  g_assert_no_error (error);
  if (response->status != expected)
    g_error ("%s %s: %u %.*s", method, path, response->status,
             (int) g_bytes_get_size (response->body),
             (const char *) g_bytes_get_data (response->body, NULL));
  if (raw != NULL)
    {
      *raw = g_bytes_ref (response->body);
      return NULL;
    }
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                                             g_bytes_get_size (response->body), &error));
  return json_node_copy (json_parser_get_root (parser));
}

static char *
sign_in (Server *server, const char *user_name, const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"user_name\":\"%s\",\"password\":\"%s\"}", user_name,
                                           password);
  g_autoptr (JsonNode) answer = request (server, "POST", "/v1/sessions", NULL, body, 201, NULL);

  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

/* The staff's decision on the application at its current version. */
static void
decide (Server *server,
        const char *staff,
        const char *id,
        const char *decision,
        const char *reason,
        const char *text)
{
  g_autofree char *path = g_strdup_printf ("/v1/staff/application?id=%s", id);
  g_autoptr (JsonNode) read = request (server, "GET", path, staff, NULL, 200, NULL);
  gint64 version = json_object_get_int_member (json_node_get_object (read), "version");
  g_autofree char *body = g_strdup_printf (
    "{\"application_id\":\"%s\",\"version\":%" G_GINT64_FORMAT ",\"decision\":\"%s\","
    "\"reason\":\"%s\",\"text\":\"%s\"}",
    id, version, decision, reason, text);
  g_autoptr (JsonNode)
    answer = request (server, "POST", "/v1/staff/decisions", staff, body, 200, NULL);
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* GNU gettext caches translations: a program that changes LANGUAGE says
 * so (the gettext manual, "Being a gettext grok"). */
extern int _nl_msg_cat_cntr;

static void
set_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

/* The page in English as the test drives it, and the same application
 * on a page made in Chinese (reading the same store), side by side. */
static void
screenshots (GtkWidget *window,
             BkStore *store,
             BkProfile *profile,
             BkExamApplication *application,
             const char *step)
{
  g_autofree char *en = g_strdup_printf ("status-%s-en.png", step);
  g_autofree char *zh = g_strdup_printf ("status-%s-zh_CN.png", step);
  GtkWidget *chinese_window = NULL;
  GtkWidget *chinese = NULL;

  bk_test_save_screenshot (window, en);
  set_language ("zh_CN");
  chinese_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (chinese_window), 760, 1400);
  chinese = g_object_new (BK_TYPE_STATUS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (chinese_window), chinese);
  bk_step_page_set_profile (BK_STEP_PAGE (chinese), profile);
  bk_step_page_set_application (BK_STEP_PAGE (chinese), application);
  bk_status_page_set_sync (BK_STATUS_PAGE (chinese), store, NULL);
  gtk_window_present (GTK_WINDOW (chinese_window));
  bk_test_save_screenshot (chinese_window, zh);
  gtk_window_destroy (GTK_WINDOW (chinese_window));
  set_language (NULL);
}

static char *
page_text (GtkWidget *page)
{
  GString *out = g_string_new (NULL);

  bk_test_collect_texts (page, out);
  return g_string_free (out, FALSE);
}

static gboolean
page_says (GtkWidget *page, const char *text)
{
  g_autofree char *all = page_text (page);

  return strstr (all, text) != NULL;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* One whole sync, done (a new "last-synced") or stopped. */
static void
sync_now (BkSyncScheduler *scheduler)
{
  guint synced = 0;
  gulong handler = g_signal_connect_swapped (scheduler, "notify::last-synced",
                                             G_CALLBACK (count_cb), &synced);

  bk_sync_scheduler_sync_now (scheduler);
  BK_TEST_SPIN_UNTIL (synced > 0 ||
                      bk_sync_scheduler_get_status (scheduler) == BK_SYNC_STATUS_STOPPED);
  g_signal_handler_disconnect (scheduler, handler);
  g_assert_null (bk_sync_scheduler_get_problem (scheduler));
}

/* Syncs until @done: the server's own moves (its check after a push)
 * may come a sync later, and the page reads the store after each. */
#define SYNC_UNTIL(scheduler, done)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    for (guint tries_ = 0; !(done); tries_++)                                                      \
      {                                                                                            \
        g_assert_cmpuint (tries_, <, 20);                                                          \
        sync_now (scheduler);                                                                      \
        for (guint spins_ = 0; spins_ < 50 && !(done); spins_++)                                   \
          {                                                                                        \
            g_usleep (2000);                                                                       \
            while (g_main_context_iteration (NULL, FALSE))                                         \
              ;                                                                                    \
          }                                                                                        \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

/* The candidate signs in again after the server's clock moved on (the
 * token's lifetime is past). */
static void
candidate_sign_in (Server *server, BkSyncClient *client)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  bk_sync_client_set_server_url (client, server->url);
  bk_sync_client_sign_in_async (client, "wangwu", PASSWORD, NULL, bk_test_spin_keep_result,
                                &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);
}

/* Counts the progress told between the start and the end of a file. */
static void
fraction_cb (BkProofUploads *uploads, GParamSpec *pspec, guint *partway)
{
  double fraction = bk_proof_uploads_get_fraction (uploads);

  if (fraction > 0.0 && fraction < 1.0 && bk_proof_uploads_get_running (uploads))
    (*partway)++;
}

/* As the workspace does on "changed": the page's application saved. */
static void
save_application_cb (BkStore *store, GtkWidget *page)
{
  g_autoptr (GError) error = NULL;
  BkExamApplication *application = g_object_get_data (G_OBJECT (page), "test-application");

  g_assert_true (bk_store_save_application (store, application, &error));
  g_assert_no_error (error);
}

static void
set_now (const char *iso)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  bk_clock_set_now (now);
}

static void
test_steps (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-status-steps-XXXXXX", &error);
  Server server = { 0 };
  g_autofree char *db = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("wangwu");
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (BkSyncScheduler) scheduler = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *hash = bk_password_hash (PASSWORD, NULL);
  g_autofree char *staff = NULL;
  g_autofree char *candidate_token = NULL;
  g_autofree char *text = NULL;
  g_autofree char *proof_path = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *scores_csv = NULL;
  g_autofree char *scores_path = NULL;
  g_autoptr (GBytes) proof_bytes = NULL;
  g_autoptr (GBytes) served = NULL;
  g_autoptr (JsonNode) read = NULL;
  JsonObject *workflow;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (BK_TYPE_STATUS_PAGE, NULL);
  BkProofUploads *uploads;
  guint partway = 0;
  const char *id;

  g_assert_no_error (error);
  server.dir = dir;
  server.state = g_build_filename (dir, "server", NULL);
  server.http = bk_http_client_new ();
  db = g_build_filename (dir, "baokao.db", NULL);

  /* Registration: the candidate, without the commitment, submits; the
   * server sends the application to manual verification. */
  set_now ("2026-04-08T09:00:00+08:00");
  server_start (&server, "2026-04-08T09:00:00+08:00");
  server_admin (&server, "staff password\n",
                (const char *const[]){ "create-staff", "--user-name", "sh01", "--real-name",
                                       "王老师", "--session", "shanghai-2026", "--point", "2916",
                                       NULL });
  store = bk_store_open (db, &error);
  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, hash);
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 2,
                                         BK_EXAM_MODE_ALL);
  id = bk_exam_application_get_id (application);
  bk_exam_application_set_point_code (application, "2916");
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_NO, &error));
  /* Without the commitment, proofs go with the submission. */
  {
    g_autoptr (GBytes)
      degree = g_bytes_new_static ("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", 44);
    g_autoptr (BkProofEntry)
      proof = bk_proof_entry_new (BK_PROOF_KIND_EDUCATION_CERTIFICATE, "degree.pdf", degree);

    bk_exam_application_add_proof (application, proof);
  }
  {
    g_autoptr (GDateTime) now = bk_clock_get_now ();

    g_assert_true (bk_submission_submit (application, profile, bk_sessions_lookup ("shanghai-2026"),
                                         now, &error));
    g_assert_no_error (error);
  }
  g_assert_true (bk_store_save_application (store, application, &error));
  g_assert_no_error (error);

  client = bk_sync_client_new (store, server.http, server.url);
  bk_sync_client_set_profile_id (client, bk_profile_get_id (profile));
  bk_sync_client_register_async (client, bk_profile_get_real_name (profile), "resident-id",
                                 bk_profile_get_id_number (profile), "13800000000", "wangwu",
                                 PASSWORD, NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_register_finish (client, result, &error));
  g_assert_no_error (error);
  candidate_sign_in (&server, client);
  scheduler = bk_sync_scheduler_new (client, NULL);
  bk_sync_scheduler_set_delays (scheduler, 60000, 50, 400);

  gtk_window_set_default_size (GTK_WINDOW (window), 760, 1400);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  bk_step_page_set_profile (BK_STEP_PAGE (page), profile);
  bk_step_page_set_application (BK_STEP_PAGE (page), application);
  bk_status_page_set_sync (BK_STATUS_PAGE (page), store, scheduler);
  g_object_set_data (G_OBJECT (page), "test-application", application);
  g_signal_connect_swapped (page, "changed", G_CALLBACK (save_application_cb), store);
  SYNC_UNTIL (scheduler,
              bk_exam_application_get_state (application) == BK_APPLICATION_STATE_PROOFS_SUBMITTED);

  /* Staff ask for more proofs: the decision shows with its reason and
   * what to do, never who decided; a notification tells it. */
  staff = sign_in (&server, "sh01", "staff password");
  decide (&server, staff, id, "more-proofs", "work-certificate-missing",
          "请上传加盖公章的工作证明");
  SYNC_UNTIL (scheduler, page_says (page, "a work certificate is missing"));
  text = page_text (page);
  g_test_message ("after the decision:\n%s", text);
  g_assert_nonnull (strstr (text, "a work certificate is missing"));
  g_assert_nonnull (strstr (text, "请上传加盖公章的工作证明"));
  g_assert_nonnull (strstr (text, "Proofs Asked For"));
  g_assert_null (strstr (text, "sh01"));
  g_assert_nonnull (bk_status_page_get_last_news (BK_STATUS_PAGE (page)));
  g_assert_nonnull (
    strstr (bk_status_page_get_last_news (BK_STATUS_PAGE (page)), "a work certificate is missing"));
  screenshots (window, store, profile, application, "more-proofs");

  /* A proof added while the server is down: it waits, the page says so;
   * once the server is back it is pushed and its file uploaded, and the
   * server serves the same bytes back. */
  server_stop (&server);
  {
    /* A scan of a few megabytes, so that its progress shows on the way. */
    GString *pdf = g_string_new ("%PDF-1.4\n2 0 obj<<>>stream\n");

    while (pdf->len < 3 * 1024 * 1024)
      g_string_append (pdf, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
    g_string_append (pdf, "endstream endobj\ntrailer<<>>\n%%EOF\n");
    proof_bytes = g_string_free_to_bytes (pdf);
  }
  proof_path = g_build_filename (dir, "work-certificate.pdf", NULL);
  g_file_set_contents (proof_path, g_bytes_get_data (proof_bytes, NULL),
                       g_bytes_get_size (proof_bytes), &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (find_type (page, BK_TYPE_STATUS_PROOFS),
                                             "proofs.add-file", "s", proof_path));
  BK_TEST_SPIN_UNTIL (g_list_model_get_n_items (bk_exam_application_get_proofs (application)) == 2);
  uploads = bk_status_page_get_uploads (BK_STATUS_PAGE (page));
  g_signal_emit_by_name (find_type (page, BK_TYPE_STATUS_PROOFS), "send-now");
  BK_TEST_SPIN_UNTIL (!bk_proof_uploads_get_running (uploads) &&
                      bk_proof_uploads_get_problem (uploads) != NULL);
  g_assert_true (page_says (page, "Your files are kept and sent with the next sync"));
  server_start (&server, "2026-04-08T09:00:00+08:00");
  bk_sync_client_set_server_url (client, server.url);
  g_signal_connect (uploads, "notify::fraction", G_CALLBACK (fraction_cb), &partway);
  sync_now (scheduler);
  BK_TEST_SPIN_UNTIL (!bk_proof_uploads_get_running (uploads) &&
                      bk_proof_uploads_get_problem (uploads) == NULL &&
                      bk_proof_uploads_get_total (uploads) == bk_proof_uploads_get_sent (uploads));
  {
    g_autoptr (BkProofEntry)
      proof = g_list_model_get_item (bk_exam_application_get_proofs (application), 1);

    file_path = g_strdup_printf ("/v1/proofs/%s/file", bk_proof_entry_get_id (proof));
  }
  g_assert_cmpint (bk_store_count_outbox (store, NULL), ==, 0);
  g_signal_handlers_disconnect_by_func (uploads, fraction_cb, &partway);
  g_test_message ("progress shown partway %u times", partway);
  g_assert_cmpuint (partway, >, 0);
  request (&server, "GET", file_path, staff, NULL, 200, &served);
  g_assert_true (g_bytes_equal (served, proof_bytes));
  BK_TEST_SPIN_UNTIL (page_says (page, "Every file has reached the server"));
  /* The server saw the proofs: no more asked for, staff look next. */
  SYNC_UNTIL (scheduler, page_says (page, "They have arrived"));
  g_assert_false (page_says (page, "Add them below and upload them"));
  screenshots (window, store, profile, application, "proofs-sent");

  /* Staff pass it; confirmation has not opened: the page says when. */
  decide (&server, staff, id, "pass", "records-verified", "");
  SYNC_UNTIL (scheduler, bk_exam_application_get_state (application) ==
                           BK_APPLICATION_STATE_MANUAL_CHECK_PASSED);
  g_assert_true (page_says (page, "your records were verified"));
  text = (g_free (text), page_text (page));
  g_test_message ("after the pass:\n%s", text);
  g_assert_true (page_says (page, "Confirmation opens at 2026-04-17 10:00"));

  /* In the confirmation window: a wrong password sends nothing; the
   * right one confirms, and the server records it. */
  server_stop (&server);
  server_start (&server, "2026-04-17T12:00:00+08:00");
  set_now ("2026-04-17T12:00:00+08:00");
  candidate_sign_in (&server, client);
  g_clear_pointer (&staff, g_free);
  staff = sign_in (&server, "sh01", "staff password");
  SYNC_UNTIL (scheduler, page_says (page, "confirm by 2026-04-18 16:00"));
  screenshots (window, store, profile, application, "confirm");
  g_assert_true (gtk_widget_activate_action (page, "status.confirm", "s", "wrong password"));
  g_assert_false (page_says (page, "Sending your confirmation"));
  g_assert_true (gtk_widget_activate_action (page, "status.confirm", "s", PASSWORD));
  BK_TEST_SPIN_UNTIL (page_says (page, "You confirmed your application on 2026-04-17 12:00") &&
                      bk_exam_application_get_state (application) ==
                        BK_APPLICATION_STATE_CONFIRMED);
  {
    g_autofree char *path = g_strdup_printf ("/v1/staff/application?id=%s", id);

    read = request (&server, "GET", path, staff, NULL, 200, NULL);
  }
  workflow = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (read), "application"), "workflow");
  g_assert_true (json_object_has_member (workflow, "confirmed_at"));
  g_assert_true (page_says (page, "The exam is free"));
  screenshots (window, store, profile, application, "confirmed");

  /* After the exam: the scores, and what is left to pass by when. */
  server_stop (&server);
  scores_csv = g_strdup_printf ("application_id,subject,score\n%s,1,72\n%s,2,48.5\n", id, id);
  scores_path = g_build_filename (dir, "scores.csv", NULL);
  g_file_set_contents (scores_path, scores_csv, -1, &error);
  g_assert_no_error (error);
  g_setenv ("BAOKAO_NOW", "2026-08-15T10:00:00+08:00", TRUE);
  server_admin (&server, "", (const char *const[]){ "import-scores", scores_path, NULL });
  g_unsetenv ("BAOKAO_NOW");
  server_start (&server, "2026-08-15T10:00:00+08:00");
  set_now ("2026-08-15T10:00:00+08:00");
  candidate_sign_in (&server, client);
  SYNC_UNTIL (scheduler, page_says (page, "Your scores of the 2026 exam") &&
                           bk_exam_application_get_state (application) ==
                             BK_APPLICATION_STATE_SCORES_PUBLISHED);
  text = (g_free (text), page_text (page));
  g_test_message ("after the scores:\n%s", text);
  g_assert_nonnull (strstr (text, "72 — passed"));
  g_assert_nonnull (strstr (text, "48.5 — not passed"));
  g_assert_nonnull (strstr (text, "Still to pass: subjects 2, by the exam of 2027"));
  g_assert_nonnull (strstr (bk_status_page_get_last_news (BK_STATUS_PAGE (page)), "scores"));
  screenshots (window, store, profile, application, "scores");

  server_stop (&server);
  gtk_window_destroy (GTK_WINDOW (window));
  bk_clock_set_now (NULL);
  g_clear_object (&server.http);
  g_free (server.url);
  g_free (server.ca_file);
  g_free (server.state);
  g_spawn_sync (NULL, (char *[]){ "rm", "-rf", "--", dir, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL,
                NULL, NULL, NULL, NULL, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bk_i18n_init ();
  gtk_init ();
  adw_init ();
  g_assert_cmpint (argc, ==, 2);
  server_binary = argv[1];

  g_test_add_func ("/ui/status-steps", test_steps);

  return g_test_run ();
}
