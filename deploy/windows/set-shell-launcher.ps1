<#
.SYNOPSIS
    Makes Borne Soliguide the Windows shell of the kiosk account, restarted whenever it exits.

.DESCRIPTION
    Uses Shell Launcher through its documented WMI class, WESL_UserSetting (namespace
    root\standardcimv2\embedded): SetCustomShell(Sid, Shell, CustomReturnCodes,
    CustomReturnCodesAction, DefaultAction), RemoveCustomShell, SetDefaultShell, SetEnabled.
    Windows 10/11 Enterprise, Education or IoT Enterprise only (Shell Launcher does not exist on
    Pro or Home).

    - The kiosk account gets the app as its shell: no Explorer, no taskbar, no Start menu. When
      the app exits or crashes, Shell Launcher starts it again (action 0, "restart the shell").
    - Administrators keep Explorer (action 3, "do nothing", when they close it), so staff who
      sign in as an administrator can maintain the machine.
    - Every other account keeps Explorer as well (the default shell).

    Safe to run again: an existing entry for the same account is replaced.
    The rest of the lockdown (Keyboard Filter, edge swipes, automatic sign-in) is in README.md
    beside this script.

    NOT RUN in this repository's tests (no Windows there): try it on a test machine first.

.PARAMETER KioskUser
    The local standard account the kiosk signs in as (create it first; not an administrator).

.PARAMETER AppPath
    The app as the per-machine NSIS installer installs it: electron-builder's NSIS target names
    both the folder and the file after executableName in electron-builder.yml.

.PARAMETER ConfigPath
    The kiosk's configuration, passed to the app as --config.

.EXAMPLE
    PS> .\set-shell-launcher.ps1 -KioskUser kiosk
#>
#Requires -RunAsAdministrator
[CmdletBinding()]
param(
    [string] $KioskUser = 'kiosk',
    [string] $AppPath = (Join-Path $env:ProgramFiles 'borne-soliguide\borne-soliguide.exe'),
    [string] $ConfigPath = (Join-Path $env:ProgramData 'borne-soliguide\kiosk.jsonc')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$Namespace = 'root\standardcimv2\embedded'
# Shell Launcher's actions when the shell exits (WESL_UserSetting.SetCustomShell, DefaultAction).
$RestartShell = 0
$DoNothing = 3
# The built-in Administrators group, whatever the language of Windows.
$AdministratorsSid = 'S-1-5-32-544'

function Invoke-ShellLauncher([string] $Method, [hashtable] $Arguments) {
    $result = Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName $Method -Arguments $Arguments
    if ($result.ReturnValue -ne 0) {
        throw "WESL_UserSetting.$Method failed with 0x$('{0:X8}' -f $result.ReturnValue)"
    }
}

function Set-CustomShell([string] $Sid, [string] $Shell, [int] $Action) {
    $existing = Get-CimInstance -Namespace $Namespace -ClassName WESL_UserSetting | Where-Object { $_.Sid -eq $Sid }
    if ($existing) {
        Invoke-ShellLauncher RemoveCustomShell @{ Sid = $Sid }
    }
    Invoke-ShellLauncher SetCustomShell @{ Sid = $Sid; Shell = $Shell; DefaultAction = $Action }
}

$feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
if ($feature.State -ne 'Enabled') {
    Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
    Write-Warning 'Shell Launcher has just been turned on: restart Windows, then run this script again.'
    exit 1
}

if (-not (Test-Path -LiteralPath $AppPath -PathType Leaf)) {
    throw "$AppPath does not exist: install Borne Soliguide first (its installer, per machine)."
}
if (-not (Test-Path -LiteralPath $ConfigPath -PathType Leaf)) {
    Write-Warning "$ConfigPath does not exist yet: until it does, the kiosk shows its configuration error page."
}
$account = Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue
if (-not $account) {
    throw "There is no local account '$KioskUser': create it first (a standard user; see README.md)."
}
if (Get-LocalGroupMember -SID $AdministratorsSid | Where-Object { $_.SID -eq $account.SID }) {
    throw "'$KioskUser' is an administrator: the kiosk account must be a standard user (Keyboard Filter does not apply to administrators)."
}

$kioskShell = "`"$AppPath`" --config `"$ConfigPath`""
Set-CustomShell -Sid $account.SID.Value -Shell $kioskShell -Action $RestartShell
Set-CustomShell -Sid $AdministratorsSid -Shell 'explorer.exe' -Action $DoNothing
Invoke-ShellLauncher SetDefaultShell @{ Shell = 'explorer.exe'; DefaultAction = $RestartShell }
Invoke-ShellLauncher SetEnabled @{ Enabled = $true }

Get-CimInstance -Namespace $Namespace -ClassName WESL_UserSetting | Format-Table Sid, Shell, DefaultAction -AutoSize
Write-Host "Shell Launcher: '$KioskUser' now signs in to Borne Soliguide. Sign out and in again (or restart) to see it."
