/* bk-photo-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-photo-analysis.h"

#define WHITE_MIN_L        90.0
#define WHITE_MAX_CHROMA   10.0
#define COLOURED_MIN_RANGE 12 /* of 255, between the largest and smallest channel */
#define FFT_SIZE           64
#define FFT_MAX_LINES      64

/* ---- colour ---------------------------------------------------------- */

#define LAB_F_STEPS 4096

static float srgb_linear[256];
static float lab_f_table[LAB_F_STEPS + 2];

static float
lab_f_exact (double t)
{
  const double e = 216.0 / 24389.0;

  return (float) (t > e ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0);
}

static void
init_srgb_table (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (int i = 0; i < 256; i++)
        {
          double c = i / 255.0;
          srgb_linear[i] = (float) (c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
        }
      for (int i = 0; i <= LAB_F_STEPS + 1; i++)
        lab_f_table[i] = lab_f_exact ((double) i / LAB_F_STEPS);
      g_once_init_leave (&done, 1);
    }
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The cube root by table and linear interpolation: within 1e-4 of L* for
 * t ≥ 0.01, and the checks only look at light pixels closely. */
static inline float
lab_f (float t)
{
  float pos;
  int i;

  if (t <= 0.0f)
    return lab_f_table[0];
  if (t >= 1.0f)
    return t > 1.0001f ? lab_f_exact (t) : lab_f_table[LAB_F_STEPS];
  pos = t * LAB_F_STEPS;
  i = (int) pos;
  return lab_f_table[i] + (pos - i) * (lab_f_table[i + 1] - lab_f_table[i]);
}

/* sRGB to CIELAB, D65 white. */
void
bk_photo_srgb_to_lab (guint8 r, guint8 g, guint8 b, float *l, float *a, float *b_star)
{
  float lr, lg, lb, fx, fy, fz;

  init_srgb_table ();
  lr = srgb_linear[r];
  lg = srgb_linear[g];
  lb = srgb_linear[b];
  fx = lab_f ((0.4124564f * lr + 0.3575761f * lg + 0.1804375f * lb) / 0.95047f);
  fy = lab_f (0.2126729f * lr + 0.7151522f * lg + 0.0721750f * lb);
  fz = lab_f ((0.0193339f * lr + 0.1191920f * lg + 0.9503041f * lb) / 1.08883f);
  *l = 116.0f * fy - 16.0f;
  *a = 500.0f * (fx - fy);
  *b_star = 200.0f * (fy - fz);
}

/* ---- geometry -------------------------------------------------------- */

/* The band where an ID photo shows only background: above the head and
 * beside it, down to the shoulders. */
void
bk_photo_background_band (int width, int height, BkPhotoRect band[BK_PHOTO_BAND_PARTS])
{
  int top = MAX (1, (int) lround (height * 0.06));
  int side = MAX (1, (int) lround (width * 0.10));
  int side_height = MAX (1, (int) lround (height * 0.45) - top);

  band[0] = (BkPhotoRect){ 0, 0, width, top };
  band[1] = (BkPhotoRect){ 0, top, side, side_height };
  band[2] = (BkPhotoRect){ width - side, top, side, side_height };
}

/* Where the face is in a centred ID photo; no face detector, the layout
 * rule puts it there. */
void
bk_photo_face_region (int width, int height, BkPhotoRect *region)
{
  region->x = (int) lround (width * 0.25);
  region->y = (int) lround (height * 0.15);
  region->width = MAX (1, (int) lround (width * 0.50));
  region->height = MAX (1, (int) lround (height * 0.50));
}

/* Head and shoulders: where an enlargement's lost detail would show. */
void
bk_photo_subject_region (int width, int height, BkPhotoRect *region)
{
  region->x = (int) lround (width * 0.15);
  region->y = (int) lround (height * 0.10);
  region->width = MAX (1, (int) lround (width * 0.70));
  region->height = MAX (1, (int) lround (height * 0.85));
}

/* ---- background ------------------------------------------------------ */

typedef struct
{
  BkPhotoRect rect;
  int n;
  int white;
  double sum_l;
} Cell;

void
bk_photo_measure_background (const BkPhotoImage *image,
                             BkPhotoBackgroundStats *stats,
                             GArray *failed_cells)
{
  BkPhotoRect band[BK_PHOTO_BAND_PARTS];
  g_autoptr (GArray) cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  int cell_size = MAX (4, (int) lround (image->width * 0.05));
  gint64 n = 0, white = 0;
  double sum = 0.0, sum_sq = 0.0;

  g_return_if_fail (image != NULL && stats != NULL);

  bk_photo_background_band (image->width, image->height, band);

  /* Cells tile each part of the band, so failures can be shown in place. */
  for (int p = 0; p < BK_PHOTO_BAND_PARTS; p++)
    for (int cy = band[p].y; cy < band[p].y + band[p].height; cy += cell_size)
      for (int cx = band[p].x; cx < band[p].x + band[p].width; cx += cell_size)
        {
          Cell cell = { { cx, cy, MIN (cell_size, band[p].x + band[p].width - cx),
                          MIN (cell_size, band[p].y + band[p].height - cy) } };

          if (cell.rect.x + cell.rect.width > image->width)
            cell.rect.width = image->width - cell.rect.x;
          if (cell.rect.y + cell.rect.height > image->height)
            cell.rect.height = image->height - cell.rect.y;
          if (cell.rect.width > 0 && cell.rect.height > 0)
            g_array_append_val (cells, cell);
        }

  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = &g_array_index (cells, Cell, i);

      for (int y = cell->rect.y; y < cell->rect.y + cell->rect.height; y++)
        {
          const guint8 *p = image->pixels + ((gsize) y * image->width + cell->rect.x) * 3;
          for (int x = 0; x < cell->rect.width; x++, p += 3)
            {
              float l, a, b;

              bk_photo_srgb_to_lab (p[0], p[1], p[2], &l, &a, &b);
              cell->n++;
              cell->sum_l += l;
              sum_sq += (double) l * l;
              if (l >= WHITE_MIN_L && a * a + b * b <= WHITE_MAX_CHROMA * WHITE_MAX_CHROMA)
                cell->white++;
            }
        }
      n += cell->n;
      white += cell->white;
      sum += cell->sum_l;
    }

  stats->white_share = n > 0 ? (double) white / n : 0.0;
  stats->l_mean = n > 0 ? sum / n : 0.0;
  stats->l_stddev = n > 0 ? sqrt (MAX (0.0, sum_sq / n - stats->l_mean * stats->l_mean)) : 0.0;

  if (failed_cells == NULL)
    return;
  /* A cell is shown when it is not white, or when it stands out from the
   * rest of the band by more than the uniformity limit (a soft shadow).
   * "The rest" is the median cell: a shadow pulls the band's mean down and
   * would make every white cell stand out; it moves the median far less. */
  {
    g_autofree double *means = g_new (double, MAX (cells->len, 1));
    double median;

    for (guint i = 0; i < cells->len; i++)
      {
        const Cell *cell = &g_array_index (cells, Cell, i);
        means[i] = cell->n > 0 ? cell->sum_l / cell->n : 0.0;
      }
    qsort (means, cells->len, sizeof (double), compare_doubles);
    median = cells->len > 0 ? means[cells->len / 2] : stats->l_mean;

    for (guint i = 0; i < cells->len; i++)
      {
        const Cell *cell = &g_array_index (cells, Cell, i);
        double mean = cell->n > 0 ? cell->sum_l / cell->n : 0.0;

        if (cell->white < cell->n * 0.9 || fabs (mean - median) > 4.0)
          g_array_append_val (failed_cells, cell->rect);
      }
  }
}

/* ---- colour content -------------------------------------------------- */

double
bk_photo_coloured_share (const BkPhotoImage *image)
{
  gsize n, coloured = 0;

  g_return_val_if_fail (image != NULL, 0.0);

  /* Every other pixel of every other row: a share of 1% is found as well. */
  n = 0;
  for (int y = 0; y < image->height; y += 2)
    {
      const guint8 *p = image->pixels + (gsize) y * image->width * 3;
      for (int x = 0; x < image->width; x += 2, p += 6)
        {
          int hi = MAX (p[0], MAX (p[1], p[2]));
          int lo = MIN (p[0], MIN (p[1], p[2]));
          if (hi - lo >= COLOURED_MIN_RANGE)
            coloured++;
          n++;
        }
    }
  return n > 0 ? (double) coloured / n : 0.0;
}

/* ---- sharpness ------------------------------------------------------- */

/* Variance of the 4-neighbour Laplacian (OpenCV's default kernel) over the
 * interior of @region. */
double
bk_photo_laplacian_variance (const float *luma, int stride, const BkPhotoRect *region)
{
  double sum = 0.0, sum_sq = 0.0;
  gint64 n = 0;

  g_return_val_if_fail (luma != NULL && region != NULL, NAN);

  for (int y = region->y + 1; y < region->y + region->height - 1; y++)
    {
      const float *row = luma + (gsize) y * stride;
      for (int x = region->x + 1; x < region->x + region->width - 1; x++)
        {
          double lap = row[x - 1] + row[x + 1] + row[x - stride] + row[x + stride] - 4.0 * row[x];
          sum += lap;
          sum_sq += lap * lap;
          n++;
        }
    }
  if (n == 0)
    return NAN;
  return MAX (0.0, sum_sq / n - (sum / n) * (sum / n));
}

/* ---- enlargement ----------------------------------------------------- */

typedef struct
{
  float re[FFT_SIZE];
  float im[FFT_SIZE];
} Spectrum;

static float twiddle_re[FFT_SIZE / 2];
static float twiddle_im[FFT_SIZE / 2];
static float hann[FFT_SIZE];
static guint8 bit_reverse[FFT_SIZE];

static void
init_fft_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      int bits = 0;

      while ((1 << bits) < FFT_SIZE)
        bits++;
      for (int i = 0; i < FFT_SIZE / 2; i++)
        {
          twiddle_re[i] = (float) cos (-2.0 * G_PI * i / FFT_SIZE);
          twiddle_im[i] = (float) sin (-2.0 * G_PI * i / FFT_SIZE);
        }
      for (int i = 0; i < FFT_SIZE; i++)
        {
          int r = 0;
          hann[i] = (float) (0.5 - 0.5 * cos (2.0 * G_PI * i / (FFT_SIZE - 1)));
          for (int b = 0; b < bits; b++)
            r |= ((i >> b) & 1) << (bits - 1 - b);
          bit_reverse[i] = (guint8) r;
        }
      g_once_init_leave (&done, 1);
    }
}

static void
fft (Spectrum *s)
{
  for (int i = 0; i < FFT_SIZE; i++)
    {
      int j = bit_reverse[i];
      if (j > i)
        {
          float t = s->re[i];
          s->re[i] = s->re[j];
          s->re[j] = t;
          t = s->im[i];
          s->im[i] = s->im[j];
          s->im[j] = t;
        }
    }
  for (int len = 2; len <= FFT_SIZE; len <<= 1)
    {
      int step = FFT_SIZE / len;
      for (int i = 0; i < FFT_SIZE; i += len)
        for (int k = 0; k < len / 2; k++)
          {
            float wr = twiddle_re[k * step], wi = twiddle_im[k * step];
            float *ar = &s->re[i + k], *ai = &s->im[i + k];
            float *br = &s->re[i + k + len / 2], *bi = &s->im[i + k + len / 2];
            float tr = wr * *br - wi * *bi;
            float ti = wr * *bi + wi * *br;
            *br = *ar - tr;
            *bi = *ai - ti;
            *ar += tr;
            *ai += ti;
          }
    }
}

/* Windowed, mean-removed copy of FFT_SIZE samples, @step apart. */
static void
load_segment (float *out, const float *src, gsize step)
{
  float mean = 0.0f;

  for (int i = 0; i < FFT_SIZE; i++)
    mean += src[i * step];
  mean /= FFT_SIZE;
  for (int i = 0; i < FFT_SIZE; i++)
    out[i] = (src[i * step] - mean) * hann[i];
}

/* Two real segments share one complex transform. */
static void
accumulate_pair (const float *a, const float *b, double *power)
{
  Spectrum s;

  memcpy (s.re, a, sizeof s.re);
  if (b != NULL)
    memcpy (s.im, b, sizeof s.im);
  else
    memset (s.im, 0, sizeof s.im);
  fft (&s);
  for (int k = 1; k <= FFT_SIZE / 2; k++)
    {
      int m = (FFT_SIZE - k) % FFT_SIZE;
      double xr = 0.5 * (s.re[k] + s.re[m]), xi = 0.5 * (s.im[k] - s.im[m]);
      double yr = 0.5 * (s.im[k] + s.im[m]), yi = -0.5 * (s.re[k] - s.re[m]);
      power[k] += xr * xr + xi * xi + yr * yr + yi * yi;
    }
}

static void
spectrum_of_lines (
  const float *luma, int stride, const BkPhotoRect *region, gboolean columns, double *power)
{
  int n_lines = columns ? region->width : region->height;
  int length = columns ? region->height : region->width;
  gsize along = columns ? (gsize) stride : 1;
  int lines = MIN (n_lines, FFT_MAX_LINES);
  float pending[FFT_SIZE];
  gboolean have_pending = FALSE;

  if (length < FFT_SIZE)
    return;
  /* Evenly spaced lines: the spectrum converges long before every line is used. */
  for (int l = 0; l < lines; l++)
    {
      int line = (int) ((gint64) l * n_lines / lines);
      const float *start = columns ? luma + (gsize) region->y * stride + region->x + line
                                   : luma + (gsize) (region->y + line) * stride + region->x;

      for (int pos = 0; pos + FFT_SIZE <= length; pos += FFT_SIZE / 2)
        {
          float seg[FFT_SIZE];

          load_segment (seg, start + pos * along, along);
          if (have_pending)
            accumulate_pair (pending, seg, power);
          else
            memcpy (pending, seg, sizeof pending);
          have_pending = !have_pending;
        }
    }
  if (have_pending)
    accumulate_pair (pending, NULL, power);
}

/* Power at 0.80–0.95 of Nyquist over power at 0.20–0.45 of Nyquist, along
 * rows and columns of @region. An enlarged picture has nothing left near
 * Nyquist. NAN when the region is too small to measure. */
double
bk_photo_high_frequency_ratio (const float *luma, int stride, const BkPhotoRect *region)
{
  double power[FFT_SIZE / 2 + 1] = { 0 };
  double low = 0.0, high = 0.0;
  const int half = FFT_SIZE / 2; /* bin index of Nyquist */

  g_return_val_if_fail (luma != NULL && region != NULL, NAN);

  if (region->width < FFT_SIZE || region->height < FFT_SIZE)
    return NAN;

  init_fft_tables ();
  spectrum_of_lines (luma, stride, region, FALSE, power);
  spectrum_of_lines (luma, stride, region, TRUE, power);

  for (int k = 1; k <= half; k++)
    {
      double f = (double) k / half;
      if (f >= 0.20 && f <= 0.45)
        low += power[k];
      else if (f >= 0.80 && f <= 0.95)
        high += power[k];
    }
  if (low <= 0.0)
    return 0.0;
  return high / low;
}
