/* bk-ticket-page.c — the layout of the admission ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything on the page is in Chinese, as the authority's ticket is: the
 * candidate shows it at the venue, whatever language Baokao speaks. The
 * drawing works in millimetres (cairo_scale) from the top left corner.
 *
 * The font is WenQuanYi Zen Hei (a 黑体, fonts-wqy-zenhei): its TrueType
 * outlines subset to a few dozen kilobytes in the PDF, where cairo 1.16
 * copies the CFF subroutines of Noto Sans CJK whole (over 100 KB a ticket).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "bk-photo-decoder.h"
#include "bk-ticket-error.h"
#include "bk-ticket-page.h"

#define FONT_FAMILY "WenQuanYi Zen Hei,Noto Sans CJK SC,sans-serif"
#define LEFT        20.0
#define RIGHT       190.0
#define ROW         9.0
#define LABEL_WIDTH 25.0
#define TABLE_TOP   44.0
#define PHOTO_CELL  150.0 /* the photo cell's left edge */
#define LINE_WIDTH  0.3
#define QR_SIZE     38.0
#define QR_TOP      236.0

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;
} Pen;

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTRE,
} Align;

static double
points_to_mm (double points)
{
  return points / BK_TICKET_POINTS_PER_MM;
}

/* @text in @size points at (@x, @y), within @width millimetres; returns
 * its height. */
static double
text_at (Pen *pen,
         const char *text,
         double size,
         gboolean bold,
         double x,
         double y,
         double width,
         Align align)
{
  int w, h;

  pango_font_description_set_absolute_size (pen->font, points_to_mm (size) * PANGO_SCALE);
  pango_font_description_set_weight (pen->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pen->layout, pen->font);
  pango_layout_set_width (pen->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (pen->layout,
                              align == ALIGN_CENTRE ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (pen->layout, text, -1);
  pango_layout_get_size (pen->layout, &w, &h);
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, pen->layout);
  return (double) h / PANGO_SCALE;
}

static double
measure (Pen *pen, const char *text, double size, double width)
{
  int w, h;

  pango_font_description_set_absolute_size (pen->font, points_to_mm (size) * PANGO_SCALE);
  pango_font_description_set_weight (pen->font, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pen->layout, pen->font);
  pango_layout_set_width (pen->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (pen->layout, text, -1);
  pango_layout_get_size (pen->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* @text centred vertically in the cell [@x, @x + @width] × [@top, @top + ROW];
 * a text too long for one line goes smaller. */
static void
cell (Pen *pen, const char *text, gboolean bold, double x, double top, double width, Align align)
{
  double size = 10.5;
  double inner = width - 3.0;
  double h = measure (pen, text, size, inner);

  if (h > ROW * 0.6)
    {
      size = 8.0;
      h = measure (pen, text, size, inner);
    }
  text_at (pen, text, size, bold, x + 1.5, top + (ROW - h) / 2, inner, align);
}

static void
line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

static const char *
id_type_name (BkIdType type)
{
  switch (type)
    {
      case BK_ID_TYPE_RESIDENT_ID:
        return "居民身份证";
      case BK_ID_TYPE_HK_MACAU_TAIWAN:
        return "港澳台居民证件";
      case BK_ID_TYPE_PASSPORT:
        return "护照";
      case BK_ID_TYPE_MILITARY:
        return "军官证";
      default:
        return "其他证件";
    }
}

/* The candidate's rows, with the photo cell at their right. */
static void
draw_candidate (Pen *pen, const BkAdmissionTicket *t, cairo_surface_t *photo)
{
  const char *labels[] = { "姓　　名", "证件类型", "证件号码", "准考证号", "报考级别" };
  const char *values[] = { t->candidate_name, id_type_name (t->id_type), t->id_number, t->number,
                           t->level_name };
  cairo_t *cr = pen->cr;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double top = TABLE_TOP + i * ROW;

      cell (pen, labels[i], TRUE, LEFT, top, LABEL_WIDTH, ALIGN_CENTRE);
      cell (pen, values[i], FALSE, LEFT + LABEL_WIDTH, top, PHOTO_CELL - LEFT - LABEL_WIDTH,
            ALIGN_LEFT);
      line (cr, LEFT, top + ROW, PHOTO_CELL, top + ROW);
    }
  line (cr, LEFT + LABEL_WIDTH, TABLE_TOP, LEFT + LABEL_WIDTH, TABLE_TOP + 5 * ROW);
  line (cr, PHOTO_CELL, TABLE_TOP, PHOTO_CELL, TABLE_TOP + 5 * ROW);
  cairo_stroke (cr);

  if (photo != NULL)
    {
      int w = cairo_image_surface_get_width (photo);
      int h = cairo_image_surface_get_height (photo);

      cairo_save (cr);
      cairo_rectangle (cr, BK_TICKET_PHOTO_X_MM, BK_TICKET_PHOTO_Y_MM, BK_TICKET_PHOTO_WIDTH_MM,
                       BK_TICKET_PHOTO_HEIGHT_MM);
      cairo_clip (cr);
      cairo_translate (cr, BK_TICKET_PHOTO_X_MM, BK_TICKET_PHOTO_Y_MM);
      cairo_scale (cr, BK_TICKET_PHOTO_WIDTH_MM / w, BK_TICKET_PHOTO_HEIGHT_MM / h);
      cairo_set_source_surface (cr, photo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  else
    {
      cairo_rectangle (cr, BK_TICKET_PHOTO_X_MM, BK_TICKET_PHOTO_Y_MM, BK_TICKET_PHOTO_WIDTH_MM,
                       BK_TICKET_PHOTO_HEIGHT_MM);
      cairo_stroke (cr);
      text_at (pen, "照片", 10.5, FALSE, BK_TICKET_PHOTO_X_MM, BK_TICKET_PHOTO_Y_MM + 17,
               BK_TICKET_PHOTO_WIDTH_MM, ALIGN_CENTRE);
    }
}

/* Venue, address, then room and seat; returns the bottom. */
static double
draw_venue (Pen *pen, const BkAdmissionTicket *t, double top)
{
  g_autofree char *room = g_strdup_printf ("第%03u考场", t->room);
  g_autofree char *seat = g_strdup_printf ("%02u号", t->seat);
  const double mid = 105.0;
  cairo_t *cr = pen->cr;

  cell (pen, "考点名称", TRUE, LEFT, top, LABEL_WIDTH, ALIGN_CENTRE);
  cell (pen, t->venue_name, FALSE, LEFT + LABEL_WIDTH, top, RIGHT - LEFT - LABEL_WIDTH, ALIGN_LEFT);
  cell (pen, "考点地址", TRUE, LEFT, top + ROW, LABEL_WIDTH, ALIGN_CENTRE);
  cell (pen, t->venue_address, FALSE, LEFT + LABEL_WIDTH, top + ROW, RIGHT - LEFT - LABEL_WIDTH,
        ALIGN_LEFT);
  cell (pen, "考　　场", TRUE, LEFT, top + 2 * ROW, LABEL_WIDTH, ALIGN_CENTRE);
  cell (pen, room, FALSE, LEFT + LABEL_WIDTH, top + 2 * ROW, mid - LEFT - LABEL_WIDTH, ALIGN_LEFT);
  cell (pen, "座 位 号", TRUE, mid, top + 2 * ROW, LABEL_WIDTH, ALIGN_CENTRE);
  cell (pen, seat, FALSE, mid + LABEL_WIDTH, top + 2 * ROW, RIGHT - mid - LABEL_WIDTH, ALIGN_LEFT);
  for (int i = 1; i <= 3; i++)
    line (cr, LEFT, top + i * ROW, RIGHT, top + i * ROW);
  line (cr, LEFT + LABEL_WIDTH, top, LEFT + LABEL_WIDTH, top + 3 * ROW);
  line (cr, mid, top + 2 * ROW, mid, top + 3 * ROW);
  line (cr, mid + LABEL_WIDTH, top + 2 * ROW, mid + LABEL_WIDTH, top + 3 * ROW);
  cairo_stroke (cr);
  return top + 3 * ROW;
}

static char *
format_day (GDateTime *start)
{
  static const char *const weekdays[] = { "一", "二", "三", "四", "五", "六", "日" };

  return g_strdup_printf ("%d年%d月%d日（星期%s）", g_date_time_get_year (start),
                          g_date_time_get_month (start), g_date_time_get_day_of_month (start),
                          weekdays[g_date_time_get_day_of_week (start) - 1]);
}

/* The subjects with their dates and times; returns the bottom. */
static double
draw_subjects (Pen *pen, const BkAdmissionTicket *t, double top)
{
  const double date_x = 104.0, time_x = 156.0;
  g_autoptr (GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  cairo_t *cr = pen->cr;
  double bottom = top + ROW * (1 + t->subjects->len);

  cell (pen, "考试科目", TRUE, LEFT, top, date_x - LEFT, ALIGN_CENTRE);
  cell (pen, "考试日期", TRUE, date_x, top, time_x - date_x, ALIGN_CENTRE);
  cell (pen, "考试时间", TRUE, time_x, top, RIGHT - time_x, ALIGN_CENTRE);
  for (guint i = 0; i < t->subjects->len; i++)
    {
      const BkExamSubject *s = t->subjects->pdata[i];
      g_autoptr (GDateTime) start = g_date_time_to_timezone (s->start, zone);
      g_autoptr (GDateTime) end = g_date_time_to_timezone (s->end, zone);
      g_autofree char *name = g_strdup_printf ("%u．%s", s->number, s->name_zh);
      g_autofree char *day = format_day (start);
      g_autofree char *from = g_date_time_format (start, "%H:%M");
      g_autofree char *to = g_date_time_format (end, "%H:%M");
      g_autofree char *span = g_strdup_printf ("%s—%s", from, to);
      double row_top = top + ROW * (i + 1);

      cell (pen, name, FALSE, LEFT, row_top, date_x - LEFT, ALIGN_LEFT);
      cell (pen, day, FALSE, date_x, row_top, time_x - date_x, ALIGN_CENTRE);
      cell (pen, span, FALSE, time_x, row_top, RIGHT - time_x, ALIGN_CENTRE);
    }
  for (guint i = 1; i <= t->subjects->len + 1; i++)
    line (cr, LEFT, top + i * ROW, RIGHT, top + i * ROW);
  line (cr, date_x, top, date_x, bottom);
  line (cr, time_x, top, time_x, bottom);
  cairo_stroke (cr);
  return bottom;
}

/* 应试人员须知 and the allowed stationery, numbered, beside the QR code. */
static void
draw_rules (Pen *pen, BkExamSession *session, double top)
{
  const char *const *rules = bk_exam_session_get_candidate_rules (session, TRUE);
  const double width = RIGHT - LEFT;
  double y = top;
  guint n = 0;

  y += text_at (pen, "应试人员须知", 12, TRUE, LEFT, y, width, ALIGN_CENTRE) + 1.5;
  for (; rules[n] != NULL; n++)
    {
      g_autofree char *text = g_strdup_printf ("%u．%s", n + 1, rules[n]);
      double w = y + 8 > QR_TOP ? width - QR_SIZE - 4 : width;

      y += text_at (pen, text, 9, FALSE, LEFT, y, w, ALIGN_LEFT) + 0.8;
    }
  {
    g_autofree char *text = g_strdup_printf ("%u．允许携带的文具：%s。", n + 1,
                                             bk_exam_session_get_stationery (session, TRUE));
    double w = y + 8 > QR_TOP ? width - QR_SIZE - 4 : width;

    text_at (pen, text, 9, FALSE, LEFT, y, w, ALIGN_LEFT);
  }
}

/* The signed ticket as a QR code (ECC level M), with its quiet zone white.
 * It goes in as a one-pixel-per-module image drawn without smoothing: as
 * sharp as rectangles, and a few hundred bytes instead of a path of
 * thousands (which made half of the time of a batch). */
static void
draw_qr (Pen *pen, const char *text)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  cairo_t *cr = pen->cr;
  cairo_surface_t *image;
  guint8 *data;
  int stride;
  double x0 = RIGHT - QR_SIZE;

  if (code == NULL)
    return;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, code->width, code->width);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < code->width; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < code->width; x++)
        row[x] = (code->data[y * code->width + x] & 1) ? 0xff000000u : 0xffffffffu;
    }
  cairo_surface_mark_dirty (image);

  cairo_save (cr);
  cairo_translate (cr, x0, QR_TOP);
  cairo_scale (cr, QR_SIZE / code->width, QR_SIZE / code->width);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  QRcode_free (code);
  text_at (pen, "扫描二维码核验准考证", 8, FALSE, x0 - 5, QR_TOP + QR_SIZE + 1.5, QR_SIZE + 10,
           ALIGN_CENTRE);
}

void
bk_ticket_page_draw (cairo_t *cr,
                     const BkAdmissionTicket *ticket,
                     BkExamSession *session,
                     cairo_surface_t *photo)
{
  PangoContext *context;
  g_autoptr (PangoLayout) layout = NULL;
  Pen pen = { cr, NULL, NULL };
  double y;

  g_return_if_fail (cr != NULL && ticket != NULL && BK_IS_EXAM_SESSION (session));

  cairo_save (cr);
  cairo_scale (cr, BK_TICKET_POINTS_PER_MM, BK_TICKET_POINTS_PER_MM);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, LINE_WIDTH);

  context = pango_cairo_create_context (cr);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  layout = pango_layout_new (context);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pen.layout = layout;
  pen.font = pango_font_description_from_string (FONT_FAMILY);

  text_at (&pen, ticket->exam_name, 15, TRUE, LEFT, 16, RIGHT - LEFT, ALIGN_CENTRE);
  {
    PangoAttrList *spaced = pango_attr_list_new ();

    /* Spaced out, as printed tickets have it; the text stays “准考证”. */
    pango_attr_list_insert (spaced, pango_attr_letter_spacing_new ((int) (6 * PANGO_SCALE)));
    pango_layout_set_attributes (layout, spaced);
    text_at (&pen, "准考证", 26, TRUE, LEFT, 25, RIGHT - LEFT, ALIGN_CENTRE);
    pango_layout_set_attributes (layout, NULL);
    pango_attr_list_unref (spaced);
  }

  cairo_rectangle (cr, LEFT, TABLE_TOP, RIGHT - LEFT, 8 * ROW + ROW * (1 + ticket->subjects->len));
  cairo_stroke (cr);
  draw_candidate (&pen, ticket, photo);
  y = draw_venue (&pen, ticket, TABLE_TOP + 5 * ROW);
  y = draw_subjects (&pen, ticket, y);
  draw_rules (&pen, session, y + 8);
  if (ticket->signed_text != NULL)
    draw_qr (&pen, ticket->signed_text);

  pango_font_description_free (pen.font);
  g_object_unref (context);
  cairo_restore (cr);
}

cairo_surface_t *
bk_ticket_page_photo_new (GBytes *jpeg, GError **error)
{
  BkPhotoDecodeOptions options = { .max_width = G_MAXINT, .max_height = G_MAXINT };
  g_autoptr (BkPhotoImage) image = NULL;
  g_autoptr (GError) local_error = NULL;
  BkPhotoHeader header;
  cairo_surface_t *surface;
  guint8 *data;
  int stride;
  gsize length;
  const guint8 *bytes;

  g_return_val_if_fail (jpeg != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (jpeg, &length);
  if (!bk_photo_decode (bytes, length, &options, &header, &image, &local_error))
    {
      /* TRANSLATORS: %s says why the photo could not be read */
      g_set_error (error, BK_TICKET_ERROR, BK_TICKET_ERROR_PHOTO,
                   _ ("The photo for the ticket cannot be read (%s); use the standardised photo "
                      "from the Photo step."),
                   local_error->message);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, image->width, image->height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < image->height; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);
      const guint8 *from = image->pixels + (gsize) y * image->width * 3;

      for (int x = 0; x < image->width; x++)
        row[x] = 0xff000000u | (guint32) from[3 * x] << 16 | (guint32) from[3 * x + 1] << 8 |
                 from[3 * x + 2];
    }
  cairo_surface_mark_dirty (surface);
  /* A PDF then holds the JPEG as it is: smaller, and no second compression.
   * Only when the stored pixels are what is shown (no EXIF turn) and the
   * colours are ones every PDF reader draws right. */
  if (header.orientation == 1 &&
      (header.colours == BK_PHOTO_COLOURS_YCBCR || header.colours == BK_PHOTO_COLOURS_GREY))
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (jpeg, NULL),
                                 length, (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (jpeg));
  return surface;
}

void
bk_ticket_page_release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
}
