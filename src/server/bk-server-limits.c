/* bk-server-limits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-limits.h"

void
bk_server_limits_init_defaults (BkServerLimits *limits)
{
  g_return_if_fail (limits != NULL);

  *limits = (BkServerLimits){
    .max_body = 1024 * 1024,
    .max_photo = 4 * 1024 * 1024,
    .max_proof = 8 * 1024 * 1024,
    .max_connections = 512,
    .idle_timeout = 30,
    .keep_alive = 5,
    .request_timeout = 60,
    .sign_in_window = 15 * 60,
    .failures_per_account = 5,
    .failures_per_address = 20,
    .token_lifetime = 12 * 60 * 60,
    .fast_password_hash = FALSE,
    .spot_check_rate = 10,
    .spot_check_seed = 0,
  };
}
