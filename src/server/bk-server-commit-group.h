/* bk-server-commit-group.h — group commit: one transaction for the writes
 * that arrive while the last one commits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BkServerCommitGroup BkServerCommitGroup;

/* Runs the jobs @jobs[0..@n_jobs) together (in one transaction), setting
 * each job's outcome in it. */
typedef void (*BkServerCommitGroupFunc) (gpointer *jobs, guint n_jobs, gpointer user_data);

/* @max_jobs: the most jobs @func runs together. */
BkServerCommitGroup *
bk_server_commit_group_new (guint max_jobs, BkServerCommitGroupFunc func, gpointer user_data);
void bk_server_commit_group_free (BkServerCommitGroup *self);

/* Runs @job and returns once it has run: in this thread, with the jobs
 * that other threads hand in meanwhile, or in another caller's thread, in
 * that one's batch. */
void bk_server_commit_group_run (BkServerCommitGroup *self, gpointer job);

/* Runs @job in a batch and then frees it with @free_job, without waiting
 * for it while another batch runs (it goes in the next one); when none
 * runs, in this thread now. Its outcome is for @free_job to look at. */
void
bk_server_commit_group_hand_over (BkServerCommitGroup *self, gpointer job, GDestroyNotify free_job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerCommitGroup, bk_server_commit_group_free)

G_END_DECLS
