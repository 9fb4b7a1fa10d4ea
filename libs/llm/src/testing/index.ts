/** Test doubles of the model APIs: loopback fake servers speaking the real wire protocols, and helpers. */
export { FakeHttpServer } from './fake-http';
export type { FakeReply, RecordedRequest } from './fake-http';
export { FakeGeminiServer, geminiAnswer, geminiAnswerBlocked, geminiError, geminiImageAnswer, geminiPromptBlocked } from './fake-gemini-server';
export { FAKE_PNG, solidPng } from './png';
export type { GeminiUsage } from './fake-gemini-server';
export { FakeOpenAiServer, openAiAnswer, openAiError } from './fake-openai-server';
export type { OpenAiUsage } from './fake-openai-server';
export { inputFromPrompt, smartAnswer, stepFromSchema } from './smart-answer';
