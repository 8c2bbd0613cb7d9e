/* bk-photo-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "bk-photo-image.h"

/* Every buffer is bounded by the decoder's pixel limit; g_try_malloc lets a
 * failed allocation become a refusal instead of an abort. */
BkPhotoImage *
bk_photo_image_new (int width, int height)
{
  BkPhotoImage *self;
  gsize size;

  g_return_val_if_fail (width > 0 && height > 0, NULL);

  size = (gsize) width * (gsize) height * 3;
  self = g_new0 (BkPhotoImage, 1);
  self->width = width;
  self->height = height;
  self->pixels = g_try_malloc (size);
  if (self->pixels == NULL)
    {
      g_free (self);
      return NULL;
    }
  return self;
}

void
bk_photo_image_free (BkPhotoImage *self)
{
  if (self == NULL)
    return;
  g_free (self->pixels);
  g_free (self);
}

/* EXIF orientation: where the pixel shown at (x, y) is stored. */
static inline void
source_of (int orientation, int w, int h, int x, int y, int *sx, int *sy)
{
  switch (orientation)
    {
      case 2:
        *sx = w - 1 - x;
        *sy = y;
        break;
      case 3:
        *sx = w - 1 - x;
        *sy = h - 1 - y;
        break;
      case 4:
        *sx = x;
        *sy = h - 1 - y;
        break;
      case 5:
        *sx = y;
        *sy = x;
        break;
      case 6:
        *sx = y;
        *sy = h - 1 - x;
        break;
      case 7:
        *sx = w - 1 - y;
        *sy = h - 1 - x;
        break;
      case 8:
        *sx = w - 1 - y;
        *sy = x;
        break;
      default:
        *sx = x;
        *sy = y;
        break;
    }
}

BkPhotoImage *
bk_photo_image_orient (const BkPhotoImage *self, int orientation)
{
  BkPhotoImage *out;
  gboolean swap = orientation >= 5 && orientation <= 8;

  g_return_val_if_fail (self != NULL, NULL);

  out = bk_photo_image_new (swap ? self->height : self->width, swap ? self->width : self->height);
  if (out == NULL)
    return NULL;

  if (orientation < 2 || orientation > 8)
    {
      memcpy (out->pixels, self->pixels, (gsize) self->width * self->height * 3);
      return out;
    }

  for (int y = 0; y < out->height; y++)
    {
      guint8 *dst = out->pixels + (gsize) y * out->width * 3;
      for (int x = 0; x < out->width; x++)
        {
          int sx, sy;
          const guint8 *src;

          source_of (orientation, self->width, self->height, x, y, &sx, &sy);
          src = self->pixels + ((gsize) sy * self->width + sx) * 3;
          dst[x * 3] = src[0];
          dst[x * 3 + 1] = src[1];
          dst[x * 3 + 2] = src[2];
        }
    }
  return out;
}

/* Where a rectangle of the oriented picture lies in the stored one. */
void
bk_photo_image_stored_rect (int orientation,
                            int stored_width,
                            int stored_height,
                            const BkPhotoRect *shown,
                            BkPhotoRect *stored)
{
  int x1, y1, x2, y2;

  g_return_if_fail (shown != NULL && stored != NULL);

  source_of (orientation, stored_width, stored_height, shown->x, shown->y, &x1, &y1);
  source_of (orientation, stored_width, stored_height, shown->x + shown->width - 1,
             shown->y + shown->height - 1, &x2, &y2);
  stored->x = MIN (x1, x2);
  stored->y = MIN (y1, y2);
  stored->width = ABS (x2 - x1) + 1;
  stored->height = ABS (y2 - y1) + 1;
}

BkPhotoImage *
bk_photo_image_crop (const BkPhotoImage *self, int x, int y, int width, int height)
{
  BkPhotoImage *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (x >= 0 && y >= 0 && width > 0 && height > 0, NULL);
  g_return_val_if_fail (x + width <= self->width && y + height <= self->height, NULL);

  out = bk_photo_image_new (width, height);
  if (out == NULL)
    return NULL;
  for (int row = 0; row < height; row++)
    memcpy (out->pixels + (gsize) row * width * 3,
            self->pixels + ((gsize) (y + row) * self->width + x) * 3, (gsize) width * 3);
  return out;
}

static double
box_filter (double x)
{
  return (x > -0.5 && x <= 0.5) ? 1.0 : 0.0;
}

static double
sinc (double x)
{
  if (x == 0.0)
    return 1.0;
  x *= G_PI;
  return sin (x) / x;
}

static double
lanczos_filter (double x)
{
  return (x > -3.0 && x < 3.0) ? sinc (x) * sinc (x / 3.0) : 0.0;
}

typedef struct
{
  int ksize;
  int *first; /* first input sample of each output sample */
  int *count;
  float *weights; /* ksize per output sample */
} Kernel;

static void
kernel_clear (Kernel *k)
{
  g_free (k->first);
  g_free (k->count);
  g_free (k->weights);
}

/* Convolution weights as in Pillow's resample: the filter is stretched by
 * the scale factor when shrinking, so every input pixel contributes. */
static void
kernel_init (Kernel *k, int in_size, int out_size, BkPhotoFilter filter)
{
  double (*f) (double) = filter == BK_PHOTO_FILTER_BOX ? box_filter : lanczos_filter;
  double support = filter == BK_PHOTO_FILTER_BOX ? 0.5 : 3.0;
  double scale = (double) in_size / out_size;
  double filterscale = MAX (scale, 1.0);

  support *= filterscale;
  k->ksize = (int) ceil (support) * 2 + 1;
  k->first = g_new (int, out_size);
  k->count = g_new (int, out_size);
  k->weights = g_new0 (float, (gsize) out_size * k->ksize);

  for (int i = 0; i < out_size; i++)
    {
      double center = (i + 0.5) * scale;
      double total = 0.0;
      int lo = MAX ((int) (center - support + 0.5), 0);
      int hi = MIN ((int) (center + support + 0.5), in_size);
      float *w = k->weights + (gsize) i * k->ksize;

      if (hi - lo > k->ksize)
        hi = lo + k->ksize;
      for (int j = lo; j < hi; j++)
        {
          double v = f ((j - center + 0.5) / filterscale);
          w[j - lo] = (float) v;
          total += v;
        }
      if (total != 0.0)
        for (int j = 0; j < hi - lo; j++)
          w[j] = (float) (w[j] / total);
      k->first[i] = lo;
      k->count[i] = hi - lo;
    }
}

BkPhotoImage *
bk_photo_image_resample (const BkPhotoImage *self, int width, int height, BkPhotoFilter filter)
{
  g_autoptr (BkPhotoImage) out = NULL;
  g_autofree float *tmp = NULL;
  g_autofree float *acc = NULL;
  Kernel kx, ky;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  out = bk_photo_image_new (width, height);
  tmp = g_try_malloc ((gsize) width * self->height * 3 * sizeof (float));
  if (out == NULL || tmp == NULL)
    return NULL;

  kernel_init (&kx, self->width, width, filter);
  kernel_init (&ky, self->height, height, filter);

  for (int y = 0; y < self->height; y++)
    {
      const guint8 *src = self->pixels + (gsize) y * self->width * 3;
      float *dst = tmp + (gsize) y * width * 3;
      for (int x = 0; x < width; x++)
        {
          const float *w = kx.weights + (gsize) x * kx.ksize;
          const guint8 *s = src + (gsize) kx.first[x] * 3;
          float r = 0, g = 0, b = 0;
          for (int j = 0; j < kx.count[x]; j++)
            {
              r += w[j] * s[j * 3];
              g += w[j] * s[j * 3 + 1];
              b += w[j] * s[j * 3 + 2];
            }
          dst[x * 3] = r;
          dst[x * 3 + 1] = g;
          dst[x * 3 + 2] = b;
        }
    }

  /* Row by row, so the inner loop reads memory in order. */
  acc = g_new (float, (gsize) width * 3);
  for (int y = 0; y < height; y++)
    {
      const float *w = ky.weights + (gsize) y * ky.ksize;
      guint8 *dst = out->pixels + (gsize) y * width * 3;

      memset (acc, 0, (gsize) width * 3 * sizeof (float));
      for (int j = 0; j < ky.count[y]; j++)
        {
          const float *s = tmp + (gsize) (ky.first[y] + j) * width * 3;
          float wj = w[j];
          for (int x = 0; x < width * 3; x++)
            acc[x] += wj * s[x];
        }
      for (int x = 0; x < width * 3; x++)
        dst[x] = (guint8) CLAMP (acc[x] + 0.5f, 0.0f, 255.0f);
    }

  kernel_clear (&kx);
  kernel_clear (&ky);
  return g_steal_pointer (&out);
}

/* ITU-R BT.601 luma, the Y that JPEG itself stores. */
float *
bk_photo_image_luma (const BkPhotoImage *self)
{
  float *luma;
  gsize n;

  g_return_val_if_fail (self != NULL, NULL);

  n = (gsize) self->width * self->height;
  luma = g_try_malloc (n * sizeof (float));
  if (luma == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      const guint8 *p = self->pixels + i * 3;
      luma[i] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
    }
  return luma;
}

/* Luma of @rect only, in a buffer of rect->width × rect->height. */
float *
bk_photo_image_luma_rect (const BkPhotoImage *self, const BkPhotoRect *rect)
{
  float *luma;

  g_return_val_if_fail (self != NULL && rect != NULL, NULL);
  g_return_val_if_fail (rect->x >= 0 && rect->y >= 0 && rect->width > 0 && rect->height > 0, NULL);
  g_return_val_if_fail (rect->x + rect->width <= self->width, NULL);
  g_return_val_if_fail (rect->y + rect->height <= self->height, NULL);

  luma = g_try_malloc ((gsize) rect->width * rect->height * sizeof (float));
  if (luma == NULL)
    return NULL;
  for (int y = 0; y < rect->height; y++)
    {
      const guint8 *p = self->pixels + ((gsize) (rect->y + y) * self->width + rect->x) * 3;
      float *out = luma + (gsize) y * rect->width;
      for (int x = 0; x < rect->width; x++, p += 3)
        out[x] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
    }
  return luma;
}
