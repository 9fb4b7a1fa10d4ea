import type { Platform } from '@app/contracts';
import type { PillarType } from './pillars';

/** What the picture shows, per pillar type. {topic} {audience} {subject}. */
export const SCENES: Record<PillarType, readonly string[]> = {
  education: [
    'a hands-on close-up of someone working through {topic}, the few things they need laid out neatly within reach',
    'an overhead flat-lay of a simple, well-organised set-up for {topic}, with a notebook and a cup of coffee at the edge',
  ],
  stories: [
    'a candid, documentary-style portrait of someone the campaign speaks to ({audience}), relaxed in their everyday setting and mid-laugh',
    'two friends sharing a genuine moment around {topic}, photographed from a respectful distance',
  ],
  behind: [
    'a candid behind-the-scenes moment of the team at work on {subject}, hands and workspace in focus, slightly messy and real',
    'a close-up of tools, sketches and notes on a work table, the process behind {subject} caught mid-way',
  ],
  product: [
    'a hero shot of {subject} on a clean surface, with one contextual prop that hints at {topic}',
    'a person using {subject} naturally in an everyday setting, the product clearly visible but not posed',
  ],
  values: [
    'a quiet, hopeful still life that expresses {topic}: natural materials, a plant and everyday objects handled with care',
    'a person making a small, thoughtful everyday choice linked to {topic}, shot close and unposed',
  ],
  event: [
    'an energetic wide shot of people gathering for {topic}, faces turned toward a shared moment',
    'a welcoming entrance set up for {topic}, with the first guests arriving and smiling',
  ],
  offer: [
    'an inviting flat-lay of {subject} styled like a thoughtful gift, with soft fabric and a few seasonal details',
    'a close-up of hands receiving {subject}, the moment of anticipation just before opening',
  ],
  inspiration: [
    'an aspirational lifestyle scene about {topic}: a person pausing in a bright, open space, looking ahead',
    'a quiet early-morning moment linked to {topic}, a person taking a first step out of the door',
  ],
  general: [
    'an editorial lifestyle photo about {topic}: a person engaged in it naturally, absorbed and at ease',
    'a detailed still life built around {topic}, arranged with care on a simple surface',
  ],
};

/** How the picture is framed for the platform's feed; the ratio matches PLATFORM_ASPECT_RATIOS. */
export const COMPOSITION: Record<Platform, string> = {
  instagram: 'vertical 4:5 frame, subject centred with breathing room at the top and bottom for the feed crop',
  x: 'wide 16:9 frame, subject on the left third with open space on the right so it reads in the timeline',
  facebook: 'wide 1.91:1 frame, subject slightly off-centre, clean background that survives the link-preview crop',
  linkedin: 'square 1:1 frame, subject centred and confidently lit, an uncluttered professional setting that reads at a glance in the feed',
  bluesky: 'wide 16:9 frame, subject slightly off-centre with calm negative space, so the image holds up when the app crops its preview',
  mastodon: 'wide 16:9 frame, subject in the centre third so the focal point survives the preview crop of any client',
};

export const FORMAT_NOTES: Record<string, string> = {
  carousel: 'Designed as the cover slide of a carousel: one bold focal point and a calm background that later slides can echo.',
  short_video_script: 'A cover frame for the reel: a strong, readable moment taken from the opening scene.',
  thread: 'A header image for the first post of a thread.',
  image: 'A single feed image that stands on its own.',
  single: 'A supporting image for a text-led post.',
};
