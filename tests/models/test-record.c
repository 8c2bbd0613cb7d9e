/* test-record.c — the five stored models share one id, version and
 * timestamps (BkRecord): the store, sync and the pages rely on them.
 *
 * Written against the GObject API only, so it also runs (and fails) on a
 * tree without BkRecord.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-education-entry.h"
#include "bk-exam-application.h"
#include "bk-profile.h"
#include "bk-proof-entry.h"
#include "bk-work-entry.h"

static GType
record_types (guint i)
{
  switch (i)
    {
      case 0:
        return BK_TYPE_PROFILE;
      case 1:
        return BK_TYPE_EXAM_APPLICATION;
      case 2:
        return BK_TYPE_EDUCATION_ENTRY;
      case 3:
        return BK_TYPE_WORK_ENTRY;
      case 4:
        return BK_TYPE_PROOF_ENTRY;
      default:
        return G_TYPE_INVALID;
    }
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* Each model is a BkRecord, and the four properties are BkRecord's. */
static void
test_hierarchy (void)
{
  static const char *const names[] = { "id", "version", "created-at", "updated-at" };
  GType record;

  /* Registering the models registers their parent. */
  for (guint i = 0; record_types (i) != G_TYPE_INVALID; i++)
    g_type_ensure (record_types (i));
  record = g_type_from_name ("BkRecord");
  g_assert_true (record != G_TYPE_INVALID);
  for (guint i = 0; record_types (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (record_types (i));

      g_test_message ("%s", g_type_name (record_types (i)));
      g_assert_true (g_type_is_a (record_types (i), record));
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), names[j]);

          g_assert_nonnull (pspec);
          g_assert_true (pspec->owner_type == record);
        }
    }
}

/* What a caller relies on: a new UUID unless given one, a version that
 * notifies once per change, timestamps that are kept. */
static void
test_properties (void)
{
  g_autoptr (GDateTime) created = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (GDateTime) updated = g_date_time_new_utc (2026, 3, 2, 10, 30, 0);

  for (guint i = 0; record_types (i) != G_TYPE_INVALID; i++)
    {
      GType type = record_types (i);
      g_autoptr (GObject) fresh = g_object_new (type, NULL);
      g_autoptr (GObject) given = g_object_new (type, "id", "given-id", NULL);
      g_autofree char *id = NULL;
      g_autofree char *given_id = NULL;
      g_autoptr (GDateTime) created_out = NULL;
      g_autoptr (GDateTime) updated_out = NULL;
      gint64 version = -1;
      guint notified = 0;

      g_test_message ("%s", g_type_name (type));
      g_object_get (fresh, "id", &id, NULL);
      g_assert_true (g_uuid_string_is_valid (id));
      g_object_get (given, "id", &given_id, "version", &version, NULL);
      g_assert_cmpstr (given_id, ==, "given-id");
      g_assert_cmpint (version, ==, 0);

      g_signal_connect (given, "notify::version", G_CALLBACK (count_notify), &notified);
      g_object_set (given, "version", (gint64) 7, NULL);
      g_object_set (given, "version", (gint64) 7, NULL);
      g_assert_cmpuint (notified, ==, 1);

      g_object_set (given, "created-at", created, "updated-at", updated, NULL);
      g_object_get (given, "version", &version, "created-at", &created_out, "updated-at",
                    &updated_out, NULL);
      g_assert_cmpint (version, ==, 7);
      g_assert_true (g_date_time_equal (created_out, created));
      g_assert_true (g_date_time_equal (updated_out, updated));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/hierarchy", test_hierarchy);
  g_test_add_func ("/record/properties", test_properties);

  return g_test_run ();
}
