import type { Visual } from '@/api/types';

/**
 * The post's image when the browser can load it (`imageSrc`), else a placeholder with the visual concept the
 * creative agent wrote, else (when the platform needs a visual) a notice that there is none.
 */
export function VisualArea({ visual, imageSrc, square = false, required = false }: { visual: Visual | null; imageSrc?: string | null; square?: boolean; required?: boolean }) {
  const frame = `${square ? 'aspect-square' : 'aspect-video'} w-full overflow-hidden rounded-md`;
  if (imageSrc) {
    // A plain <img>: the media route streams the generated image; next/image would need it configured as a loader.
    return <img src={imageSrc} alt={visual?.altText || 'Image for this post'} className={`${frame} object-cover`} />;
  }
  if (visual) {
    return (
      <figure className={`${frame} flex flex-col justify-center gap-2 border border-dashed border-slate-400 bg-slate-50 p-4`}>
        <figcaption className="text-xs font-semibold uppercase tracking-wide text-slate-700">Visual concept</figcaption>
        <p className="text-sm text-slate-800">{visual.concept}</p>
      </figure>
    );
  }
  if (required) {
    return (
      <div className={`${frame} flex items-center justify-center border border-dashed border-amber-600 bg-amber-50 p-4 text-center text-sm text-amber-900`}>
        No visual yet: this platform needs an image.
      </div>
    );
  }
  return null;
}
