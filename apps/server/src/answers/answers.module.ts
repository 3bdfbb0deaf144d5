// Answers to callers that wait for their flow: intake (mains) waits, the executor (any role) answers.
import { Global, Module } from '@nestjs/common';
import { CallerAnswers } from './caller-answers.service';

@Global()
@Module({ providers: [CallerAnswers], exports: [CallerAnswers] })
export class AnswersModule {}
