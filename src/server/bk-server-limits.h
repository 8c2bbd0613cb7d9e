/* bk-server-limits.h — the bounds the server keeps on its resources and on
 * sign-in attempts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize max_body;        /* bytes in a request body */
  gsize max_photo;       /* bytes in an uploaded photo (JPEG) */
  gsize max_proof;       /* bytes in an uploaded proof (JPEG or PDF) */
  guint max_connections; /* open at once; more are closed at once */
  guint idle_timeout;    /* seconds a connection may wait for the next bytes */
  guint request_timeout; /* seconds to send a whole request */
  guint keep_alive;      /* seconds a kept connection may wait for its next request */
  guint sign_in_window;  /* seconds over which failed sign-ins are counted */
  guint failures_per_account;
  guint failures_per_address;
  guint token_lifetime; /* seconds */
  /* Tests only: the cheapest Argon2id cost, so a test can register many
   * accounts. baokao-server sets it only with --dev and
   * BAOKAO_SERVER_TEST_FAST_HASH=1. */
  gboolean fast_password_hash;
  /* [workflow]: the share of passed applications drawn for the spot-check
   * review, in percent, and the seed of the draw (bk-server-workflow.h). */
  guint spot_check_rate;
  guint64 spot_check_seed;
  /* Tests only (--dev with BAOKAO_SERVER_TEST_NO_PUSH_SWEEP=1): no
   * automatic check after a push, as if the server died between the push's
   * commit and its check; the next start catches up. */
  gboolean no_push_sweep;
} BkServerLimits;

/* The defaults: 1 MiB bodies, 4 MiB photos, 8 MiB proofs, 512 connections, 30 s idle, 60 s for a
 * request, 5 s between requests on a kept connection, 5 failed sign-ins per account and 20 per
 * address in 15 minutes, tokens valid 12 hours; 10 % drawn for the spot check, seed 0. */
void bk_server_limits_init_defaults (BkServerLimits *limits);

G_END_DECLS
