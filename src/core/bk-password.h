/* bk-password.h — the password that protects a profile on a shared PC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_PASSWORD_MIN_LENGTH 8
#define BK_PASSWORD_MAX_LENGTH 64

/* FALSE with a translated BK_CORE_ERROR_INVALID_DATA that says what to do
 * when @password is too short (BK_PASSWORD_MIN_LENGTH characters) or too
 * long (BK_PASSWORD_MAX_LENGTH). */
gboolean bk_password_validate (const char *password, GError **error);

/* libsodium crypto_pwhash_str (Argon2id, interactive limits): slow on
 * purpose (~0.1 s, 64 MiB), so the UI uses the async forms. Validates
 * first; NULL with an error if @password is not acceptable. */
char *bk_password_hash (const char *password, GError **error);
gboolean bk_password_verify (const char *hash, const char *password);

void bk_password_hash_async (const char *password,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
char *bk_password_hash_finish (GAsyncResult *result, GError **error);

void bk_password_verify_async (const char *hash,
                               const char *password,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
/* TRUE when it matches; FALSE without error when it does not. */
gboolean bk_password_verify_finish (GAsyncResult *result, GError **error);

G_END_DECLS
