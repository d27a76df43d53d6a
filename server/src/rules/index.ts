/** The rule registry: one line per rule. */
import type { Rule } from './rule';
import ConsistentInstructionCasing from './ConsistentInstructionCasing';
import CopyIgnoredFile from './CopyIgnoredFile';
import DL1001 from './DL1001';
import DL3000 from './DL3000';
import DL3001 from './DL3001';
import DL3002 from './DL3002';
import DL3003 from './DL3003';
import DL3004 from './DL3004';
import DL3006 from './DL3006';
import DL3007 from './DL3007';
import DL3008 from './DL3008';
import DL3009 from './DL3009';
import DL3010 from './DL3010';
import DL3011 from './DL3011';
import DL3012 from './DL3012';
import DL3013 from './DL3013';
import DL3014 from './DL3014';
import DL3015 from './DL3015';
import DL3016 from './DL3016';
import DL3018 from './DL3018';
import DL3019 from './DL3019';
import DL3020 from './DL3020';
import DL3021 from './DL3021';
import DL3022 from './DL3022';
import DL3023 from './DL3023';
import DL3024 from './DL3024';
import DL3025 from './DL3025';
import DL3026 from './DL3026';
import DL3027 from './DL3027';
import DL3028 from './DL3028';
import DL3029 from './DL3029';
import DL3030 from './DL3030';
import DL3032 from './DL3032';
import DL3033 from './DL3033';
import DL3034 from './DL3034';
import DL3035 from './DL3035';
import DL3036 from './DL3036';
import DL3037 from './DL3037';
import DL3038 from './DL3038';
import DL3040 from './DL3040';
import DL3041 from './DL3041';
import DL3042 from './DL3042';
import DL3043 from './DL3043';
import DL3044 from './DL3044';
import DL3045 from './DL3045';
import DL3046 from './DL3046';
import DL3047 from './DL3047';
import DL3048 from './DL3048';
import DL3049 from './DL3049';
import DL3050 from './DL3050';
import DL3051 from './DL3051';
import DL3052 from './DL3052';
import DL3053 from './DL3053';
import DL3054 from './DL3054';
import DL3055 from './DL3055';
import DL3056 from './DL3056';
import DL3057 from './DL3057';
import DL3058 from './DL3058';
import DL3059 from './DL3059';
import DL3060 from './DL3060';
import DL3061 from './DL3061';
import DL3062 from './DL3062';
import DL3063 from './DL3063';
import DL3064 from './DL3064';
import DL3065 from './DL3065';
import DL3066 from './DL3066';
import DL3067 from './DL3067';
import DL4000 from './DL4000';
import DL4001 from './DL4001';
import DL4003 from './DL4003';
import DL4004 from './DL4004';
import DL4005 from './DL4005';
import DL4006 from './DL4006';
import DX1001 from './DX1001';
import DX1002 from './DX1002';
import DX1003 from './DX1003';
import DX1004 from './DX1004';
import DX2001 from './DX2001';
import DX2002 from './DX2002';
import DX2003 from './DX2003';
import DX2004 from './DX2004';
import DX2005 from './DX2005';
import DX2006 from './DX2006';
import DX2007 from './DX2007';
import DX2008 from './DX2008';
import DX2009 from './DX2009';
import DX2010 from './DX2010';
import DX2011 from './DX2011';
import DX2012 from './DX2012';
import DX2013 from './DX2013';
import DX2014 from './DX2014';
import DX2015 from './DX2015';
import DX2016 from './DX2016';
import DX2017 from './DX2017';
import DX2018 from './DX2018';
import DX2019 from './DX2019';
import DX2020 from './DX2020';
import DX2021 from './DX2021';
import DX2022 from './DX2022';
import DX2023 from './DX2023';
import DX2024 from './DX2024';
import DX2025 from './DX2025';
import ExposeInvalidFormat from './ExposeInvalidFormat';
import ExposeProtoCasing from './ExposeProtoCasing';
import FromAsCasing from './FromAsCasing';
import FromPlatformFlagConstDisallowed from './FromPlatformFlagConstDisallowed';
import InvalidDefaultArgInFrom from './InvalidDefaultArgInFrom';
import InvalidDefinitionDescription from './InvalidDefinitionDescription';
import JSONArgsRecommended from './JSONArgsRecommended';
import LegacyKeyValueFormat from './LegacyKeyValueFormat';
import MultipleInstructionsDisallowed from './MultipleInstructionsDisallowed';
import NoEmptyContinuation from './NoEmptyContinuation';
import SecretsUsedInArgOrEnv from './SecretsUsedInArgOrEnv';
import StageNameCasing from './StageNameCasing';
import UndefinedArgInFrom from './UndefinedArgInFrom';
import UndefinedVar from './UndefinedVar';
import WorkdirRelativePath from './WorkdirRelativePath';

export const rules: readonly Rule[] = [
  ConsistentInstructionCasing,
  CopyIgnoredFile,
  DL1001,
  DL3000,
  DL3001,
  DL3002,
  DL3003,
  DL3004,
  DL3006,
  DL3007,
  DL3008,
  DL3009,
  DL3010,
  DL3011,
  DL3012,
  DL3013,
  DL3014,
  DL3015,
  DL3016,
  DL3018,
  DL3019,
  DL3020,
  DL3021,
  DL3022,
  DL3023,
  DL3024,
  DL3025,
  DL3026,
  DL3027,
  DL3028,
  DL3029,
  DL3030,
  DL3032,
  DL3033,
  DL3034,
  DL3035,
  DL3036,
  DL3037,
  DL3038,
  DL3040,
  DL3041,
  DL3042,
  DL3043,
  DL3044,
  DL3045,
  DL3046,
  DL3047,
  DL3048,
  DL3049,
  DL3050,
  DL3051,
  DL3052,
  DL3053,
  DL3054,
  DL3055,
  DL3056,
  DL3057,
  DL3058,
  DL3059,
  DL3060,
  DL3061,
  DL3062,
  DL3063,
  DL3064,
  DL3065,
  DL3066,
  DL3067,
  DL4000,
  DL4001,
  DL4003,
  DL4004,
  DL4005,
  DL4006,
  DX1001,
  DX1002,
  DX1003,
  DX1004,
  DX2001,
  DX2002,
  DX2003,
  DX2004,
  DX2005,
  DX2006,
  DX2007,
  DX2008,
  DX2009,
  DX2010,
  DX2011,
  DX2012,
  DX2013,
  DX2014,
  DX2015,
  DX2016,
  DX2017,
  DX2018,
  DX2019,
  DX2020,
  DX2021,
  DX2022,
  DX2023,
  DX2024,
  DX2025,
  ExposeInvalidFormat,
  ExposeProtoCasing,
  FromAsCasing,
  FromPlatformFlagConstDisallowed,
  InvalidDefaultArgInFrom,
  InvalidDefinitionDescription,
  JSONArgsRecommended,
  LegacyKeyValueFormat,
  MultipleInstructionsDisallowed,
  NoEmptyContinuation,
  SecretsUsedInArgOrEnv,
  StageNameCasing,
  UndefinedArgInFrom,
  UndefinedVar,
  WorkdirRelativePath,
];

export function findRule(name: string): Rule | undefined {
  return rules.find((r) => r.id === name || r.aliases?.includes(name));
}
