/* bk-test-profiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-id-document.h"
#include "bk-test-profiles.h"

void
bk_test_set_date (GDate *date, int year, int month, int day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

GBytes *
bk_test_fake_jpeg (gsize size, guint8 seed)
{
  guint8 *data;

  g_assert_cmpuint (size, >=, 2);
  data = g_malloc (size);
  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 31 + seed);
  data[0] = 0xff;
  data[1] = 0xd8;
  return g_bytes_new_take (data, size);
}

BkEducationEntry *
bk_test_education_new (void)
{
  BkEducationEntry *entry = bk_education_entry_new ();
  GDate graduated;

  bk_test_set_date (&graduated, 2012, 7, 1);
  bk_education_entry_set_level (entry, BK_EDUCATION_LEVEL_BACHELOR);
  bk_education_entry_set_discipline (entry, BK_DISCIPLINE_ENGINEERING);
  bk_education_entry_set_school (entry, "中国计量大学");
  bk_education_entry_set_major (entry, "测控技术与仪器（计量方向）");
  bk_education_entry_set_graduated (entry, &graduated);
  bk_education_entry_set_certificate_number (entry, "103561201205001234");
  return entry;
}

BkWorkEntry *
bk_test_work_new (void)
{
  BkWorkEntry *entry = bk_work_entry_new ();
  GDate from;

  bk_test_set_date (&from, 2012, 8, 1);
  bk_work_entry_set_from (entry, &from);
  bk_work_entry_set_metrology (entry, TRUE);
  bk_work_entry_set_employer (entry, "上海市计量测试技术研究院");
  return entry;
}

BkProfile *
bk_test_profile_new (const char *user_name)
{
  BkProfile *profile = bk_profile_new ();
  char id[19];

  g_strlcpy (id, "31010419880214301", sizeof id);
  id[17] = bk_id_document_compute_check_char (id);
  id[18] = '\0';
  bk_profile_set_real_name (profile, "李四");
  bk_profile_set_id_number (profile, id);
  bk_profile_set_mobile (profile, "13912345678");
  bk_profile_set_user_name (profile, user_name);
  bk_profile_set_password_hash (profile, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  bk_profile_set_ethnicity (profile, "汉族");
  bk_profile_set_address (profile, "上海市徐汇区桂箐路69号");
  bk_profile_set_postcode (profile, "200233");
  bk_profile_set_work_unit (profile, "上海市计量测试技术研究院");
  return profile;
}

BkProfile *
bk_test_profile_new_complete (const char *user_name)
{
  BkProfile *profile = bk_test_profile_new (user_name);
  g_autoptr (BkEducationEntry) education = bk_test_education_new ();
  g_autoptr (BkWorkEntry) work = bk_test_work_new ();
  g_autoptr (GBytes) jpeg = g_bytes_new_static ("\xff\xd8jpeg", 6);

  bk_profile_add_education (profile, education);
  bk_profile_add_work (profile, work);
  bk_profile_set_photo (profile, jpeg, "me.jpg", jpeg, TRUE, NULL);
  return profile;
}
