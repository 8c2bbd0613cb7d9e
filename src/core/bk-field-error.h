/* bk-field-error.h — one problem with one field of a record, for forms
 * that show every problem at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *field; /* the property at fault, e.g. "school"; static */
  char *message;     /* translated; starts with the field's name and says what to do */
} BkFieldError;

BkFieldError *bk_field_error_new (const char *field, const char *message);
void bk_field_error_free (BkFieldError *self);

/* A GPtrArray that frees its BkFieldErrors. */
GPtrArray *bk_field_errors_new (void);
/* Appends the message of @error (taken, cleared) for @field. */
void bk_field_errors_take (GPtrArray *errors, const char *field, GError **error);
/* The first error as a GError, and its field; FALSE when there is none. */
gboolean bk_field_errors_propagate_first (GPtrArray *errors, const char **field, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkFieldError, bk_field_error_free)

G_END_DECLS
