/* bk-conflict-labels.h — the words for a conflict's records, fields and
 * values, as the pages that edit them say them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kind of record @entity is ("profile" → "Profile"), translated. */
const char *bk_conflict_labels_record (const char *entity);

/* The label of @member of an @entity, as the page that edits it titles it
 * (translated); @member itself for a field no page shows. */
const char *bk_conflict_labels_field (const char *entity, const char *member);

/* @member of the JSON object @payload as text to show: a string as it is,
 * yes or no, "(empty)" for none (translated). */
char *bk_conflict_labels_value (const char *payload, const char *member);

G_END_DECLS
