/* bk-json-reader.h — typed members of parsed JSON, with errors naming the field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  BK_JSON_OPTIONAL = 0,
  BK_JSON_REQUIRED = 1 << 0,  /* absent: "missing; add it." */
  BK_JSON_NULLABLE = 1 << 1,  /* null reads as absent */
  BK_JSON_NON_EMPTY = 1 << 2, /* a string or a list must not be empty */
} BkJsonFlags;

/* Lives on the stack for one document; holds no references. Fields are
 * named by a prefix ("levels[0].subjects[1]", or "" at the top) and a
 * member name; the path is only built when something is wrong. The first
 * problem is the one reported:
 *   "FILE: field “PATH”: PROBLEM" when reading a file,
 *   "Field “PATH”: PROBLEM" otherwise. */
typedef struct
{
  const char *file;
  GError **error;
  gboolean failed;
} BkJsonReader;

void bk_json_reader_init (BkJsonReader *self, const char *file, GError **error);
gboolean bk_json_reader_failed (const BkJsonReader *self);
/* Reports @problem for the field @prefix.@name (@name may be %NULL) and
 * returns %FALSE. */
gboolean
bk_json_reader_fail (BkJsonReader *self, const char *prefix, const char *name, const char *problem);
char *bk_json_reader_path (const char *prefix, const char *name);

/* %NULL when absent (a problem only with %BK_JSON_REQUIRED). */
JsonNode *bk_json_reader_member (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, BkJsonFlags flags);
/* @node as an object, or %NULL after "expected an object." for @prefix. */
JsonObject *bk_json_reader_object (BkJsonReader *self, JsonNode *node, const char *prefix);

/* Each returns %FALSE after reporting a problem. An optional member that is
 * absent (or null, with %BK_JSON_NULLABLE) leaves *@out %NULL, or alone for
 * numbers and booleans, and returns %TRUE. */
gboolean bk_json_reader_get_string (BkJsonReader *self,
                                    JsonObject *o,
                                    const char *prefix,
                                    const char *name,
                                    BkJsonFlags flags,
                                    const char **out);
gboolean bk_json_reader_dup_string (BkJsonReader *self,
                                    JsonObject *o,
                                    const char *prefix,
                                    const char *name,
                                    BkJsonFlags flags,
                                    char **out);
gboolean bk_json_reader_get_uint (BkJsonReader *self,
                                  JsonObject *o,
                                  const char *prefix,
                                  const char *name,
                                  guint min,
                                  guint max,
                                  guint *out);
gboolean bk_json_reader_get_number (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, double *out);
gboolean bk_json_reader_get_bool (BkJsonReader *self,
                                  JsonObject *o,
                                  const char *prefix,
                                  const char *name,
                                  BkJsonFlags flags,
                                  gboolean *out);
/* A member whose value is a nick of @enum_type; *@out is its value. */
gboolean bk_json_reader_get_choice (BkJsonReader *self,
                                    JsonObject *o,
                                    const char *prefix,
                                    const char *name,
                                    BkJsonFlags flags,
                                    GType enum_type,
                                    guint *out);
/* YYYY-MM-DD, a real date. */
gboolean bk_json_reader_get_date (BkJsonReader *self,
                                  JsonObject *o,
                                  const char *prefix,
                                  const char *name,
                                  BkJsonFlags flags,
                                  GDate *out);
/* ISO 8601 with its offset. */
gboolean bk_json_reader_get_time (BkJsonReader *self,
                                  JsonObject *o,
                                  const char *prefix,
                                  const char *name,
                                  BkJsonFlags flags,
                                  GDateTime **out);
JsonObject *bk_json_reader_get_object (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, BkJsonFlags flags);
JsonArray *bk_json_reader_get_array (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, BkJsonFlags flags);
/* A list of non-empty strings; an optional absent list reads as empty. */
gboolean bk_json_reader_get_strv (BkJsonReader *self,
                                  JsonObject *o,
                                  const char *prefix,
                                  const char *name,
                                  BkJsonFlags flags,
                                  GStrv *out);

G_END_DECLS
