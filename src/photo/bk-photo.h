/* bk-photo.h — the photo layer: checks a candidate's ID photo and standardises it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-photo-check.h"
#include "bk-photo-checker.h"
#include "bk-photo-error.h"
#include "bk-photo-file.h"
#include "bk-photo-profile.h"
#include "bk-photo-rect.h"
#include "bk-photo-report.h"
#include "bk-photo-standardise.h"
