/* bk-exam-venue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-exam-venue.h"
#include "bk-localized.h"

G_DEFINE_BOXED_TYPE (BkExamVenue, bk_exam_venue, bk_exam_venue_copy, bk_exam_venue_free)

BkExamVenue *
bk_exam_venue_copy (const BkExamVenue *self)
{
  BkExamVenue *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name_zh = g_strdup (self->name_zh);
  copy->name_en = g_strdup (self->name_en);
  copy->address_zh = g_strdup (self->address_zh);
  copy->address_en = g_strdup (self->address_en);
  copy->note = g_strdup (self->note);
  return copy;
}

void
bk_exam_venue_free (BkExamVenue *self)
{
  if (self == NULL)
    return;

  g_free (self->name_zh);
  g_free (self->name_en);
  g_free (self->address_zh);
  g_free (self->address_en);
  g_free (self->note);
  g_free (self);
}

const char *
bk_exam_venue_get_name (const BkExamVenue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return bk_localized_pick (self->name_zh, self->name_en);
}

const char *
bk_exam_venue_get_address (const BkExamVenue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return bk_localized_pick (self->address_zh, self->address_en);
}

guint
bk_exam_venue_get_capacity (const BkExamVenue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rooms * self->seats_per_room;
}
