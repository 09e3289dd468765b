// The box an inline image takes in the transcript, known before the image loads (from the attachment's width and
// height), so a row's measured height never changes when the thumbnail arrives: the virtual list keeps its place.

export interface Box { readonly width: number; readonly height: number }

const maxBox: Box = { width: 280, height: 240 };
/** Without known dimensions (an older server, an image it could not read). */
const unknownBox: Box = { width: 240, height: 180 };
const minSide = 32;

/** The image scaled down (never up) to fit the box, each side at least `minSide` (the image is cropped to fit then). */
export function imageBox(width: number | null, height: number | null, max: Box = maxBox): Box {
  if (width === null || height === null || width <= 0 || height <= 0) return unknownBox;
  const scale = Math.min(1, max.width / width, max.height / height);
  return { width: Math.max(minSide, Math.round(width * scale)), height: Math.max(minSide, Math.round(height * scale)) };
}
