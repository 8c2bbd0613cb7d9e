/* bk-server-workflow-profile.h — a candidate's profile, rebuilt with core
 * from the records they pushed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-profile.h"
#include "bk-server-entity.h"

G_BEGIN_DECLS

/* The profile of @profile's payload with the education and work records
 * of @records (of BkServerEntity; those of other profiles are skipped).
 * Values core does not know are left at their defaults, so the
 * eligibility rules judge only what core reads; an unknown ID type counts
 * as a passport (checked by hand). */
BkProfile *bk_server_workflow_profile_rebuild (const BkServerEntity *profile, GPtrArray *records);

G_END_DECLS
