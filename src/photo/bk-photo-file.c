/* bk-photo-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bk-photo-checker.h"
#include "bk-photo-error.h"
#include "bk-photo-file.h"

/* A name for messages: file names need not be UTF-8. */
static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static gboolean
set_errno_error (GError **error, int saved, const char *path)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
               /* TRANSLATORS: %s is a file name, then the system's reason */
               _ ("Cannot read “%s”: %s. Check the file name and that you may read the file."),
               name, g_strerror (saved));
  return FALSE;
}

/**
 * bk_photo_read_file:
 * @path: a file name, in the file system's encoding
 *
 * Reads a photo file: only a regular file (never a device, a FIFO or a
 * folder, which could block or never end) and no more than
 * %BK_PHOTO_MAX_FILE_SIZE bytes. The file is opened without blocking and
 * checked on the descriptor that is read, so it cannot be swapped for
 * something else in between.
 *
 * Returns: (transfer full): the contents, or %NULL with a translated
 *   %BK_PHOTO_ERROR that says what to do
 */
GBytes *
bk_photo_read_file (const char *path, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree guint8 *data = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      g_close (fd, NULL);
      set_errno_error (error, saved, path);
      return NULL;
    }
  name = display_name (path);
  if (!S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                   _ ("“%s” is a folder or a special file, not a photo. Name the photo file "
                      "itself."),
                   name);
      return NULL;
    }
  if (st.st_size > BK_PHOTO_MAX_FILE_SIZE)
    {
      g_close (fd, NULL);
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE,
                   _ ("“%s” is larger than 64 MiB, far larger than a photo; name the photo file "
                      "itself."),
                   name);
      return NULL;
    }

  /* Read at most the limit even if the file grows meanwhile. */
  data = g_malloc ((gsize) st.st_size + 1);
  while (length <= (gsize) st.st_size)
    {
      gssize n = read (fd, data + length, (gsize) st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_close (fd, NULL);
          set_errno_error (error, saved, path);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  g_close (fd, NULL);
  if (length > (gsize) st.st_size)
    {
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                   _ ("“%s” changed while it was read. Wait until it is saved, then try again."),
                   name);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * bk_photo_check_output:
 * @input: the photo read, in the file system's encoding
 * @output: where the standardised photo is to be written
 *
 * A photo is written by renaming a new file over @output, which would
 * replace whatever @output names: it must be a regular file (replaced) or a
 * new name in an existing folder, and not @input itself under any name
 * (another path, a link).
 *
 * Returns: %FALSE with a translated %BK_PHOTO_ERROR_IO that says what to do
 */
gboolean
bk_photo_check_output (const char *input, const char *output, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GStatBuf out_st, in_st;

  g_return_val_if_fail (input != NULL && output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = display_name (output);
  if (g_lstat (output, &out_st) == 0)
    {
      if (!S_ISREG (out_st.st_mode))
        {
          g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                       _ ("“%s” is not a regular file (it is a folder, a link or a device), so "
                          "the photo is not written there. Name a new file, or a photo file "
                          "to replace."),
                       name);
          return FALSE;
        }
      if (g_stat (input, &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
          in_st.st_ino == out_st.st_ino)
        {
          g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                       _ ("“%s” is the photo being read; writing there would replace the "
                          "original. Name another file for the standardised photo."),
                       name);
          return FALSE;
        }
      return TRUE;
    }
  if (errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                   /* TRANSLATORS: %s is a file name, then the system's reason */
                   _ ("Cannot write “%s”: %s. Name a file in a folder you may write to."), name,
                   g_strerror (saved));
      return FALSE;
    }
  folder = g_path_get_dirname (output);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_name = display_name (folder);

      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                   /* TRANSLATORS: %s is a folder's name */
                   _ ("The folder “%s” does not exist. Create it first, or name a file in a "
                      "folder that exists."),
                   folder_name);
      return FALSE;
    }
  return TRUE;
}
