import type { KindBank } from './kinds';

/** Kinds that teach: tips, mistakes, myths, how-tos. */
export const TIPS: KindBank = {
  angles: [
    'Share three quick wins with {topic} that {audience} can try this week.',
    'Offer one small, repeatable tip for {topic} that takes under ten minutes.',
    'Give {audience} a shortcut for {topic} that most people learn the hard way.',
  ],
  hooks: [
    'Three small wins with {topic} you can try this week.',
    'If getting started with {topic} feels overwhelming, start here.',
    'Save this one: a no-fuss tip for {topic}.',
    'Most people overcomplicate {topic}. Here’s the shortcut.',
    'The simplest upgrade to {topic} costs nothing.',
  ],
  points: [
    'Start smaller than feels useful: ten focused minutes beat an ambitious plan you never begin.',
    'Pick one thing to improve this week and let the rest wait.',
    'Keep a two-line note of what you tried and how it went. Patterns show up faster than you think.',
    'Do it at the same time each day so it stops being a decision.',
    'Borrow one idea from someone a step ahead of you, then make it your own.',
    'Set everything up the night before, so getting started takes zero willpower.',
    'Before buying anything new for {topic}, ask: will I actually use this next week?',
  ],
  questions: [
    'Which of these will you try first?',
    'What’s your go-to shortcut for {topic}?',
    'What would you add to this list?',
  ],
};

export const MISTAKES: KindBank = {
  angles: [
    'Name the most common mistakes with {topic} and what to do instead.',
    'Show {audience} the one mistake with {topic} that quietly costs the most time.',
    'Turn a mistake we made with {topic} into a lesson others can skip.',
  ],
  hooks: [
    'The most common mistake with {topic}? Doing too much, too soon.',
    'Avoid these mistakes with {topic} and you’re ahead of most people.',
    'We made every mistake with {topic} so you don’t have to.',
    'Quietly costing you time: the mistakes we see most with {topic}.',
  ],
  points: [
    'Mistake: changing everything at once. Instead: change one thing and give it a week.',
    'Mistake: copying someone else’s routine wholesale. Instead: keep what fits your life and drop the rest.',
    'Mistake: skipping the basics because they feel too simple. Instead: that’s where most of the results live.',
    'Mistake: judging progress day by day. Instead: look back once a week and watch the trend.',
    'Mistake: waiting for the perfect moment. Instead: a rough start today beats a perfect start next month.',
    'Mistake: going it alone. Instead: find one person to compare notes with.',
    'Mistake: treating {topic} as all-or-nothing. Instead: a little, often, beats a lot, rarely.',
  ],
  questions: [
    'Which one have you been guilty of?',
    'What mistake taught you the most about {topic}?',
    'Anything you’d add to this list?',
  ],
};

export const MYTH: KindBank = {
  angles: [
    'Bust the myth that you need to be an expert to get into {topic}.',
    'Bust a popular myth about {topic} that stops {audience} from getting started.',
    'Set the record straight on a myth about {topic} we hear every week.',
  ],
  hooks: [
    'Myth: you need to be an expert to get into {topic}. Reality: everyone starts as a beginner.',
    'Let’s retire a myth about {topic} once and for all.',
    'The biggest myth about {topic}? That you need hours for it.',
    'You don’t need to be an expert to get started with {topic}.',
  ],
  points: [
    'Myth: you need expensive gear to start. Fact: what you already have is enough for the first month.',
    'Myth: it takes hours a day. Fact: short, regular sessions beat rare marathon ones.',
    'Myth: you have to get it right the first time. Fact: everyone improves by adjusting as they go.',
    'Myth: it’s too late to start. Fact: the best time is whenever you begin, and that can be today.',
    'Myth: it only works for a certain kind of person. Fact: we see people of every background make it work, {audience} included.',
  ],
  questions: [
    'Which myth did you believe the longest?',
    'What’s a myth about {topic} you’d love to see busted next?',
    'Did any of these surprise you?',
  ],
};

export const HOWTO: KindBank = {
  ordered: true,
  angles: [
    'Walk {audience} through a simple three-step way to get started with {topic}.',
    'Break {topic} down into steps anyone can follow this weekend.',
    'Show how to get more out of {subject} in a few simple steps.',
  ],
  hooks: [
    'New to {topic}? Here’s how to start in three simple steps.',
    'How to get started with {topic}, without overthinking it.',
    'A beginner-friendly way into {topic}, step by step.',
    'Step by step: getting more out of {topic} this week.',
  ],
  points: [
    'Step 1: Decide what "better" looks like for you with {topic}, in one sentence.',
    'Step 2: Choose the smallest next action and put it in your calendar.',
    'Step 3: Do it three times before you judge whether it works.',
    'After that: keep what worked, drop what didn’t, and go again.',
    'Bonus: tell someone about your progress. Saying it out loud makes it stick.',
  ],
  questions: [
    'Which step are you on right now?',
    'What would you add as step five?',
    'What’s stopping you from starting this week?',
  ],
};
