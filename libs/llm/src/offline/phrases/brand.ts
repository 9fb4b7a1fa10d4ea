import type { KindBank } from './kinds';

/** Kinds about the brand: why, launch, features, offers, inspiration. */
export const WHY: KindBank = {
  angles: [
    'Explain why we care about {topic}, beyond the marketing.',
    'Connect {topic} to the everyday choices {audience} make.',
    'Share the belief behind {subject} and the promise we hold ourselves to.',
  ],
  hooks: [
    'Why do we care so much about {topic}? Short answer: it adds up.',
    'We don’t treat {topic} as a slogan. Here’s why.',
    'Small choices, big difference. That’s why we care about {topic}.',
    'People ask why we care so much about {topic}. Here’s our honest answer.',
  ],
  points: [
    'Small, everyday choices add up faster than one big gesture.',
    'We’d rather be useful than loud, so we focus on what {audience} can actually act on.',
    'Doing it properly takes longer. We think it’s worth it.',
    'We don’t have every answer, but we’re committed to getting better in public.',
    'It shapes the decisions we make every day, from the small details to the big calls.',
    'When the right thing is the easy thing, more people do it. That’s the whole idea.',
  ],
  questions: [
    'What does {topic} mean to you?',
    'What’s one small choice you’ve changed lately?',
    'What should we be doing more of?',
  ],
};

export const ANNOUNCE: KindBank = {
  angles: [
    'Kick off {name} and tell {audience} what to expect over {period}.',
    'Announce {name} with a clear promise of what’s coming.',
    'Open {name} by inviting {audience} to follow along from day one.',
  ],
  hooks: [
    '{Name} starts now.',
    'It’s here: {name}.',
    'Introducing {name}, made for {audience}.',
    'Mark your calendar: {name} is officially on.',
  ],
  points: [
    'Over {period} we’ll share practical ideas, honest stories and a few surprises about {topic}.',
    'Everything is built around one idea: making {topic} easier for {audience}.',
    'Expect short, useful posts you can act on the same day.',
    'We’ve been working on this for a while and we can’t wait to share it.',
    'Follow along so you don’t miss a thing.',
  ],
  questions: [
    'What do you most want us to cover?',
    'Who’s in?',
    'What would make this worth following for you?',
  ],
};

export const FEATURE: KindBank = {
  angles: [
    'Show one thing {subject} does that most people miss.',
    'Explain who {subject} is for and the problem it solves for {audience}.',
    'Highlight a favourite detail of {subject} and how to use it.',
  ],
  hooks: [
    'One detail of {subject} we’re quietly proud of.',
    'Made with {audience} in mind: {subject}.',
    'Here’s what {subject} actually does for you.',
    'The part people discover last and love most.',
  ],
  points: [
    'It was designed around how {audience} actually live and work, not how we imagined they might.',
    'It takes the fiddly part out of {topic}, so you can focus on the bit you enjoy.',
    'Small details, like how it fits into a busy day, are where it really earns its place.',
    'Getting started takes minutes, not an afternoon.',
    'It keeps getting better, thanks to feedback from people like you.',
  ],
  questions: [
    'Which detail would make the biggest difference for you?',
    'What would you want to know before trying it?',
    'Have you spotted this one yet?',
  ],
};

export const OFFER: KindBank = {
  angles: [
    'Announce a limited-time offer on {topic} and make the deadline clear.',
    'Remind {audience} that the offer ends soon and spell out what they get.',
    'Pair the offer with a useful tip so it feels like value, not a hard sell.',
  ],
  hooks: [
    'A little something for {audience}.',
    'Limited time, and worth it: our offer on {topic} is live.',
    'Heads up: this offer won’t stick around.',
    'Treat yourself. You’ve earned it.',
  ],
  points: [
    'It’s our way of saying thank you for being part of the community.',
    'No complicated conditions and no fine-print surprises.',
    'It runs for a limited time only, so don’t leave it too late.',
    'Perfect if you’ve been meaning to try {subject} and wanted a nudge.',
    'Grab it for yourself or share it with someone who’d love it.',
  ],
  questions: [
    'Who would you share this with?',
    'What have you been waiting to try?',
    'Are you in?',
  ],
};

export const INSPIRE: KindBank = {
  angles: [
    'Share a short reminder that, with {topic}, progress beats perfection.',
    'Celebrate the small moments that make {topic} worth it for {audience}.',
    'Give {audience} a little motivation to keep going with {topic} mid-week.',
  ],
  hooks: [
    'Your reminder for today: progress over perfection.',
    'Some days the win is simply showing up.',
    'Here’s to the small moments that make {topic} worth it.',
    'A little motivation for your week.',
  ],
  points: [
    'You don’t have to do it all today. You just have to do the next thing.',
    'Consistency is quiet and unglamorous, and it works.',
    'Compare yourself with last month’s you, not with someone else’s highlight reel.',
    'Rest is part of the process, not a break from it.',
    'Every small step with {topic} counts, even the ones nobody sees.',
    'If {topic} felt hard this week, that’s not failure. That’s practice.',
    'The people who get furthest aren’t always the most talented. They’re the ones who keep coming back.',
  ],
  questions: [
    'What’s keeping you going this week?',
    'What small win are you celebrating today?',
    'Who needs this reminder? Tag them.',
  ],
};

export const INVITE: KindBank = {
  angles: [
    'Invite {audience} to {topic} and explain exactly how to join.',
    'Answer the questions people ask before joining {topic}.',
    'Build anticipation for {topic} with a sneak peek of what to expect.',
  ],
  hooks: [
    'You’re invited: {topic}.',
    'Save the date for {topic}.',
    'Here’s what to expect at {topic}.',
    'Thinking about joining {topic}? Read this first.',
  ],
  points: [
    'No experience needed. Come as you are and we’ll take it from there.',
    'Bring a friend: it’s more fun together, and they’ll thank you later.',
    'Expect a relaxed atmosphere, practical ideas and good company.',
    'Places are limited, so it’s worth booking early.',
    'New to {topic}? Perfect. That’s exactly who we planned it for.',
    'We’ll share all the details, plus a reminder the day before.',
  ],
  questions: [
    'Who are you bringing along?',
    'What would you like us to cover on the day?',
    'Any questions before the day? Ask away.',
  ],
};
