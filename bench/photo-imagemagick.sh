#!/bin/bash
# The photo checks of src/photo done with ImageMagick 6 commands, the second
# peer of `baokao-tool photo check` in bench/photo. One JSON line per file.
#   photo-imagemagick.sh FILE...
# Same steps as src/photo where ImageMagick can express them: DCT-scaled
# decode (-define jpeg:size), -auto-orient, box reduction to width 295,
# CIELAB band (white share, L* deviation), 4-neighbour Laplacian variance
# over the face region, channel max - min for colour. The enlargement check
# uses a 2-D FFT (-fft) and rings of the spectrum instead of 1-D spectra
# along rows and columns, the closest ImageMagick has; Q16 without HDRI
# rounds small spectral magnitudes, so its value is approximate.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

for f in "$@"; do
  size=$(stat -c %s "$f")
  magic=$(head -c 3 "$f" | od -An -tx1 | tr -d ' \n')
  if [ "$magic" != "ffd8ff" ]; then
    printf '{"file": "%s", "accepted": false, "checks": {"format": {"pass": false}}}\n' "$f"
    status=1
    continue
  fi
  read -r w h cs orient < <(identify -format '%w %h %[colorspace] %[EXIF:Orientation]\n' "$f" 2>/dev/null | head -1)
  orient=${orient:-1}
  if [ "$orient" -ge 5 ] 2>/dev/null; then ow=$h; oh=$w; else ow=$w; oh=$h; fi
  num=1
  for n in 8 4 2 1; do
    if [ $(( (ow * n + 7) / 8 )) -le 1180 ] && [ $(( (oh * n + 7) / 8 )) -le 1652 ]; then num=$n; break; fi
  done
  sw=$(( (w * num + 7) / 8 )); sh=$(( (h * num + 7) / 8 ))
  work_w=$(( (ow * num + 7) / 8 )); work_h=$(( (oh * num + 7) / 8 ))
  small_h=$(( (oh * 295 * 2 + ow) / (ow * 2) ))
  # Subject region of the working image; the FFT wants a square.
  sx=$(( work_w * 15 / 100 )); sy=$(( work_h * 10 / 100 ))
  sub_w=$(( work_w * 70 / 100 )); sub_h=$(( work_h * 85 / 100 ))
  side=$(( sub_w < sub_h ? sub_w : sub_h )); side=$(( side / 2 * 2 ))

  convert -define jpeg:size=${sw}x${sh} "$f" -auto-orient \
    \( +clone -filter box -resize "295x${small_h}!" -write "$tmp/small.miff" +delete \) \
    -crop "${side}x${side}+${sx}+${sy}" +repage -colorspace Rec601Luma "$tmp/subject.miff"

  top=$(( (small_h * 6 + 50) / 100 )); sidew=30; side_h=$(( (small_h * 45 + 50) / 100 - top ))
  colour=$(convert "$tmp/small.miff" \
    \( -clone 0 -separate -evaluate-sequence max \) \( -clone 0 -separate -evaluate-sequence min \) \
    -delete 0 +swap -compose minus -composite -threshold 4.6% -format '%[fx:mean*100]' info:)
  convert "$tmp/small.miff" \
    \( -clone 0 -crop "295x${top}+0+0" \) \
    \( -clone 0 -crop "${sidew}x${side_h}+0+${top}" -rotate 90 \) \
    \( -clone 0 -crop "${sidew}x${side_h}+$((295 - sidew))+${top}" -rotate 90 \) \
    -delete 0 +repage -append -colorspace Lab "$tmp/band.miff"
  white=$(convert "$tmp/band.miff" \
    -fx '(u.r >= 0.9 && hypot(u.g - 0.5, u.b - 0.5) * 255 <= 10) ? 1 : 0' \
    -format '%[fx:mean*100]' info:)
  lsd=$(convert "$tmp/band.miff" -channel R -separate -format '%[fx:standard_deviation*100]' info:)
  fx=$(( (295 + 2) / 4 )); fy=$(( small_h * 15 / 100 )); fw=$(( 295 / 2 )); fh=$(( small_h / 2 ))
  sharp=$(convert "$tmp/small.miff" -colorspace Rec601Luma -crop "${fw}x${fh}+${fx}+${fy}" +repage \
    -define convolve:bias=50% -morphology Convolve '3x3: 0,1,0 1,-4,1 0,1,0' -shave 1x1 \
    -format '%[fx:(standard_deviation*255)^2]' info:)
  half=$(( side / 2 ))
  ratio=$(convert "$tmp/subject.miff" -define fourier:normalize=forward -fft -delete 1 -evaluate multiply 500 -evaluate pow 2 \
    \( -size ${side}x${side} xc:black -fill white \
       -draw "circle $half,$half $half,$(( half + half * 45 / 100 ))" -fill black \
       -draw "circle $half,$half $half,$(( half + half * 20 / 100 ))" \) \
    \( -size ${side}x${side} xc:black -fill white \
       -draw "circle $half,$half $half,$(( half + half * 95 / 100 ))" -fill black \
       -draw "circle $half,$half $half,$(( half + half * 80 / 100 ))" \) \
    \( -clone 0 -clone 1 -compose multiply -composite \) \
    \( -clone 0 -clone 2 -compose multiply -composite \) -delete 0-2 \
    -format '%[fx:mean] ' info: | awk '{ if ($1 > 0) printf "%.4f", $2 / $1; else print 0 }')

  python3 - "$f" "$size" "$cs" "$ow" "$oh" "$colour" "$white" "$lsd" "$sharp" "$ratio" <<'PY' || status=1
import json, sys
f, size, cs, ow, oh, colour, white, lsd, sharp, ratio = sys.argv[1:]
size, ow, oh = int(size), int(ow), int(oh)
colour, white, lsd, sharp, ratio = map(float, (colour, white, lsd, sharp, ratio))
checks = {
    "format": {"pass": True, "value": "jpeg"},
    "colour": {"pass": cs not in ("Gray", "CMYK") and colour >= 1, "value": colour},
    "size": {"pass": size >= 30720, "value": size},
    "dimensions": {"pass": ow >= 295 and oh >= 413 and ow < oh, "value": f"{ow}x{oh}"},
    "background": {"pass": white >= 95 and lsd <= 4, "value": white},
    "sharpness": {"pass": sharp >= 100, "value": sharp},
    "upscaled": {"pass": ratio >= 0.03, "value": ratio},
}
accepted = all(c["pass"] for c in checks.values())
print(json.dumps({"file": f, "accepted": accepted, "checks": checks}))
sys.exit(0 if accepted else 1)
PY
done
exit $status
