import type { KindBank } from './kinds';

/** Kinds about people: stories, behind the scenes, questions, recaps. */
export const STORY: KindBank = {
  angles: [
    'Invite {audience} to share their own stories about {topic}, and feature the best ones.',
    'Celebrate the small, real-life wins {audience} tell us about around {topic}.',
    'Show how ordinary people got started with {topic} before they felt ready.',
  ],
  hooks: [
    'Your story with {topic} could be the one that gets someone else started.',
    'Some of our favourite moments lately came from {audience}.',
    'Small wins deserve a spotlight too.',
    'Real people, real progress with {topic}.',
  ],
  points: [
    'The wins people share with us are rarely dramatic: a routine that finally stuck, a first try that went better than expected.',
    'What connects them is simple: they started before they felt ready.',
    'Nobody had a perfect plan. They had a next step and kept taking it.',
    'We love these stories because they make {topic} feel doable for the next person.',
    'If something small has changed for you lately, that counts. Those are the stories we want to hear.',
  ],
  questions: [
    'What’s one small win you’ve had with {topic} lately?',
    'Who got you started with {topic}? Tag them.',
    'Would you share your story with us?',
  ],
};

export const BEHIND: KindBank = {
  angles: [
    'Take {audience} behind the scenes of how {subject} comes together.',
    'Show the unglamorous part of the work behind {topic} that nobody usually sees.',
    'Introduce the people behind {subject} and what they care about.',
  ],
  hooks: [
    'A peek behind the curtain at {subject}.',
    'What you don’t usually see: the work behind {topic}.',
    'Behind the scenes today, and yes, it’s a little messy.',
    'Ever wondered how {subject} actually comes together?',
  ],
  points: [
    'It usually starts with a whiteboard, a lot of questions and more coffee than we’d like to admit.',
    'Every idea gets tested by the team before it ever reaches you.',
    'The part nobody sees: the small fixes that happen after the "final" version.',
    'Most of our best decisions came from listening to {audience}.',
    'We keep the process simple on purpose: fewer steps, more care in each one.',
    'Some days are smooth and some are not, and we’d rather show you both.',
  ],
  questions: [
    'What would you like to see behind the scenes next?',
    'Any questions for the team? Ask away.',
    'Did anything here surprise you?',
  ],
};

export const QUESTION: KindBank = {
  angles: [
    'Ask {audience} about their biggest challenge with {topic} and reply to every answer.',
    'Run a light this-or-that poll about {topic} to get the conversation going.',
    'Invite {audience} to pass on the one piece of advice about {topic} they’d give a friend.',
  ],
  hooks: [
    'We want to hear from you about {topic}.',
    'Settle a debate for us.',
    'Let’s get a conversation going about {topic}.',
    'Your turn to teach us something about {topic}.',
  ],
  points: [
    'There are no wrong answers, and we read every single reply.',
    'We’ll round up the most useful answers in a future post.',
    'Your answer might be exactly what someone else needs to hear today.',
  ],
  questions: [
    'What’s your biggest challenge with {topic} right now: time, money or motivation?',
    'What’s one thing about {topic} you wish you’d known sooner?',
    'This or that: a little every day, or one big session a week?',
    'If you could give a friend one piece of advice about {topic}, what would it be?',
    'What would make {topic} easier for you this month?',
  ],
};

export const LESSONS: KindBank = {
  angles: [
    'Recap the biggest lessons from {name} so far and what comes next.',
    'Share what we’ve learned about {topic} from {audience} during {name}.',
    'Look back on the most useful takeaways about {topic} from the campaign.',
  ],
  hooks: [
    'What we’ve learned so far during {name}.',
    'A quick recap, in case you missed it.',
    'Our favourite takeaways from this stretch of {name}.',
    'Looking back before we look ahead.',
  ],
  points: [
    'The simplest ideas got the most love, and that tells us a lot.',
    'Your questions shaped what we posted next, so keep them coming.',
    'Small, consistent steps beat big bursts of effort every time.',
    'Some of the best tips came from you, not from us.',
    'We’ve learned a lot about {topic} from your replies, and we’re not done yet.',
    'There’s more to come, and we’ve saved some of the best for last.',
  ],
  questions: [
    'Which post was most useful for you?',
    'What should we cover next?',
    'What did you try, and how did it go?',
  ],
};
