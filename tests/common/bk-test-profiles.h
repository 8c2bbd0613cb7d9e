/* bk-test-profiles.h — the candidate the C tests share: 李四, from Shanghai
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-education-entry.h"
#include "bk-profile.h"
#include "bk-work-entry.h"

G_BEGIN_DECLS

void bk_test_set_date (GDate *date, int year, int month, int day);
/* Bytes that start as a JPEG does; @seed varies the content. */
GBytes *bk_test_fake_jpeg (gsize size, guint8 seed);

/* A bachelor's degree in engineering from 中国计量大学, 1 July 2012. */
BkEducationEntry *bk_test_education_new (void);
/* Metrology work at 上海市计量测试技术研究院 since 1 August 2012. */
BkWorkEntry *bk_test_work_new (void);

/* 李四's identity and contact details, with a valid resident ID number:
 * no education, work or photo yet. */
BkProfile *bk_test_profile_new (const char *user_name);
/* Everything the portal asks for (completeness 100): the same with
 * bk_test_education_new(), bk_test_work_new() and a photo that passed the
 * checks. */
BkProfile *bk_test_profile_new_complete (const char *user_name);

G_END_DECLS
