/* bk-field-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-core-error.h"
#include "bk-field-error.h"

BkFieldError *
bk_field_error_new (const char *field, const char *message)
{
  BkFieldError *self;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (BkFieldError, 1);
  self->field = field;
  self->message = g_strdup (message);
  return self;
}

void
bk_field_error_free (BkFieldError *self)
{
  if (self == NULL)
    return;

  g_free (self->message);
  g_free (self);
}

GPtrArray *
bk_field_errors_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bk_field_error_free);
}

void
bk_field_errors_take (GPtrArray *errors, const char *field, GError **error)
{
  g_return_if_fail (errors != NULL);
  g_return_if_fail (error != NULL && *error != NULL);

  g_ptr_array_add (errors, bk_field_error_new (field, (*error)->message));
  g_clear_error (error);
}

gboolean
bk_field_errors_propagate_first (GPtrArray *errors, const char **field, GError **error)
{
  const BkFieldError *first;

  g_return_val_if_fail (errors != NULL, FALSE);

  if (field != NULL)
    *field = NULL;
  if (errors->len == 0)
    return FALSE;
  first = g_ptr_array_index (errors, 0);
  if (field != NULL)
    *field = first->field;
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, first->message);
  return TRUE;
}
