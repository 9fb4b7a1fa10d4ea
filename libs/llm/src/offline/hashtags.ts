import { capitalize } from './text';

/** Letters, marks and digits: what a hashtag may contain. */
const TAG_WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MAX_TAG_LENGTH = 28;

/** "plant care" → "#PlantCare"; null when the phrase has no letters. Words keep inner capitals ("AI", "EcoBottle"). */
export function toHashtag(phrase: string): string | null {
  const words = phrase.replace(/['’]/g, '').match(TAG_WORD) ?? [];
  let body = '';
  for (const word of words) {
    const part = /\p{Lu}/u.test(word.slice(1)) ? word : capitalize(word.toLowerCase());
    if (body.length + part.length > MAX_TAG_LENGTH) break;
    body += part;
  }
  if (!/\p{L}/u.test(body)) return null;
  return `#${body}`;
}

/** Appends tags not yet present (case-insensitive) and returns the list. */
export function addTags(into: string[], tags: ReadonlyArray<string | null | undefined>): string[] {
  const seen = new Set(into.map((t) => t.toLowerCase()));
  for (const tag of tags) {
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    into.push(tag);
  }
  return into;
}

/** Hashtags commonly used with each kind of post. */
export const KIND_TAGS: Readonly<Record<string, readonly string[]>> = {
  tips: ['#Tips', '#QuickTips', '#HowTo'],
  mistakes: ['#LessonsLearned', '#Tips', '#ProTip'],
  myth: ['#MythBusting', '#FactCheck', '#DidYouKnow'],
  howto: ['#HowTo', '#StepByStep', '#Beginners'],
  story: ['#CommunityStories', '#RealStories', '#Community'],
  behind: ['#BehindTheScenes', '#MeetTheTeam', '#HowItsMade'],
  why: ['#Purpose', '#OurWhy', '#Values'],
  question: ['#LetsTalk', '#YourTurn', '#Community'],
  announce: ['#NewSeries', '#StayTuned', '#ComingUp'],
  feature: ['#ProductSpotlight', '#MadeForYou', '#Spotlight'],
  offer: ['#LimitedTime', '#SpecialOffer', '#TreatYourself'],
  invite: ['#SaveTheDate', '#YoureInvited', '#JoinUs'],
  inspire: ['#Motivation', '#Inspiration', '#ProgressNotPerfection'],
  lessons: ['#Recap', '#Takeaways', '#LessonsLearned'],
};

/** Broad, safe fillers so an Instagram caption always reaches its 8 hashtags. */
export const FILLER_TAGS: readonly string[] = [
  '#Community', '#EverydayWins', '#SmallSteps', '#StayCurious', '#LearnSomethingNew', '#GoodVibes', '#Inspiration',
  '#SaveForLater', '#WorthSharing', '#Weekly', '#RealLife', '#MakeItHappen', '#KeepGoing', '#NewPost', '#TipsAndTricks',
];
